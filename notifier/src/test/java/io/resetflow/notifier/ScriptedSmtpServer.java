package io.resetflow.notifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny SMTP server whose replies to MAIL FROM, and to RCPT TO per recipient, are scripted (e.g. "451 4.7.1 later" once,
 * then accept), for the replies GreenMail cannot be made to give. Counts connections and accepted mails.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Deque<String>> rcptReplies = new ConcurrentHashMap<>();
    private final Deque<String> mailFromReplies = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    public ScriptedSmtpServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::acceptLoop);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The next RCPT TO replies for this recipient, in order; afterwards every RCPT is accepted. */
    public ScriptedSmtpServer script(String recipient, String... replies) {
        rcptReplies.computeIfAbsent(recipient.toLowerCase(), r -> new ArrayDeque<>()).addAll(List.of(replies));
        return this;
    }

    /** The next MAIL FROM replies, in order; afterwards every MAIL FROM is accepted. */
    public ScriptedSmtpServer scriptMailFrom(String... replies) {
        mailFromReplies.addAll(List.of(replies));
        return this;
    }

    public int acceptedFor(String recipient) {
        AtomicInteger count = accepted.get(recipient.toLowerCase());
        return count == null ? 0 : count.get();
    }

    public int connectionsOpened() {
        return connections.get();
    }

    public List<String> messages() {
        return messages;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                threads.submit(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            reply(out, "220 scripted ESMTP");
            String recipient = null;
            boolean recipientAccepted = false;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 scripted");
                    case "MAIL" -> {
                        recipient = null;
                        recipientAccepted = false;
                        String answer = mailFromReplies.poll();
                        reply(out, answer == null ? "250 2.1.0 ok" : answer);
                    }
                    case "RCPT" -> {
                        recipient = line.substring(line.indexOf('<') + 1, line.indexOf('>')).toLowerCase();
                        Deque<String> script = rcptReplies.get(recipient);
                        String answer = script == null ? null : script.poll();
                        String rcptReply = answer == null ? "250 2.1.5 ok" : answer;
                        recipientAccepted = rcptReply.startsWith("2");
                        reply(out, rcptReply);
                        if (rcptReply.startsWith("421")) {
                            return;
                        }
                    }
                    case "DATA" -> {
                        if (!recipientAccepted) {
                            reply(out, "554 5.5.1 no valid recipients");
                            continue;
                        }
                        reply(out, "354 go ahead");
                        StringBuilder data = new StringBuilder();
                        for (String body = in.readLine(); body != null && !body.equals("."); body = in.readLine()) {
                            data.append(body).append("\r\n");
                        }
                        messages.add(data.toString());
                        accepted.computeIfAbsent(recipient, r -> new AtomicInteger()).incrementAndGet();
                        reply(out, "250 2.0.0 queued");
                    }
                    case "RSET", "NOOP" -> reply(out, "250 2.0.0 ok");
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 unknown command");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
