package io.resetflow.bench.notifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Postfix's {@code smtp-sink}: one event-driven process, the fastest sink to be had on this machine. */
final class PostfixSmtpSink implements SmtpSink {

    private static final String BACKLOG = "1024";

    private final Process process;
    private final int port;

    private PostfixSmtpSink(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static PostfixSmtpSink start(Path executable, int port) {
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        if ("root".equals(System.getProperty("user.name"))) {
            // smtp-sink refuses to keep super-user privileges.
            command.addAll(List.of("-u", "nobody"));
        }
        command.addAll(List.of(HOST + ":" + port, BACKLOG));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            PostfixSmtpSink sink = new PostfixSmtpSink(process, port);
            try {
                SmtpSink.awaitListening(port, 10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                sink.close();
                throw new IllegalStateException("interrupted while starting smtp-sink", e);
            } catch (RuntimeException e) {
                sink.close();
                throw e;
            }
            return sink;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + executable, e);
        }
    }

    @Override
    public String description() {
        return "Postfix smtp-sink on " + HOST + ":" + port;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
