package io.resetflow.bench.notifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/** The SMTP server every row of the benchmark sends to: accepts and discards. */
interface SmtpSink extends AutoCloseable {

    String HOST = "127.0.0.1";
    Path POSTFIX_SINK = Path.of("/usr/sbin/smtp-sink");

    /** Postfix's smtp-sink where installed, else GreenMail in this JVM. */
    static SmtpSink start() {
        int port = freePort();
        return Files.isExecutable(POSTFIX_SINK) ? PostfixSmtpSink.start(POSTFIX_SINK, port) : GreenMailSink.start(port);
    }

    String description();

    int port();

    /** Lets go of what the last row left in the sink. */
    default void clear() {
    }

    @Override
    void close();

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the SMTP sink", e);
        }
    }

    /** Waits until something accepts connections on the port (a started process binds it a little later). */
    static void awaitListening(int port, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, port), 200);
                return;
            } catch (IOException notYet) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("the SMTP sink does not listen on port " + port);
                }
                Thread.sleep(50);
            }
        }
    }
}
