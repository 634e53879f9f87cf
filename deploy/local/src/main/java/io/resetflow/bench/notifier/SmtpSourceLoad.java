package io.resetflow.bench.notifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Postfix's {@code smtp-source}, timed: a C client that reuses its connections and sends fixed-size
 * messages, so its rate is what the sink and the loopback can take.
 */
final class SmtpSourceLoad {

    static final Path EXECUTABLE = Path.of("/usr/sbin/smtp-source");

    private final int port;
    private final int messageBytes;

    SmtpSourceLoad(int port, int messageBytes) {
        this.port = port;
        this.messageBytes = messageBytes;
    }

    /** Empty where smtp-source is not installed. */
    static Optional<SmtpSourceLoad> available(int port, int messageBytes) {
        return Files.isExecutable(EXECUTABLE) ? Optional.of(new SmtpSourceLoad(port, messageBytes)) : Optional.empty();
    }

    Throughput send(int mails, int connections) throws InterruptedException {
        List<String> command = List.of(EXECUTABLE.toString(), "-c", "-l", Integer.toString(messageBytes),
                "-m", Integer.toString(mails), "-s", Integer.toString(connections),
                "-f", "bench@sender.example", "-t", "bench@recipient.example", SmtpSink.HOST + ":" + port);
        long start = System.nanoTime();
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            int exit = process.waitFor();
            long end = System.nanoTime();
            if (exit != 0) {
                throw new IllegalStateException("smtp-source exited with " + exit);
            }
            return Throughput.of(mails, start, end);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run smtp-source", e);
        }
    }
}
