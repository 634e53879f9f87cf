package io.resetflow.cli;

import io.resetflow.local.LocalStack;
import io.resetflow.local.LocalStackSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the whole system on this machine until Ctrl-C. */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = "Start the local stack: a real Kafka broker (KRaft), the schema registry and the topics, "
                + "on loopback; Ctrl-C stops everything cleanly and a second start resumes from --data-dir.")
public final class LocalCommand implements Callable<Integer> {

    @Option(names = "--data-dir", defaultValue = "data/local", description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--kafka-port", defaultValue = "19092", description = "Kafka port (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--registry-port", defaultValue = "18081",
            description = "Schema registry port (default: ${DEFAULT-VALUE}).")
    int registryPort;

    @Option(names = "--http-port", defaultValue = "8080",
            description = "Dashboard and query API port (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--smtp-port", defaultValue = "2525", description = "SMTP server port (default: ${DEFAULT-VALUE}).")
    int smtpPort;

    @Option(names = "--mailboxes", defaultValue = "100000",
            description = "Size of the sample breach (default: ${DEFAULT-VALUE}, up to 14220000).")
    int mailboxes;

    @Option(names = "--seed", defaultValue = "20261125", description = "Seed of the sample data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--day-seconds", defaultValue = "60",
            description = "Wall-clock seconds per simulated campaign day (default: ${DEFAULT-VALUE}).")
    int daySeconds;

    @Override
    public Integer call() throws InterruptedException {
        if (mailboxes < 0 || mailboxes > 14_220_000) {
            throw new IllegalArgumentException("--mailboxes must lie between 0 and 14220000");
        }
        if (daySeconds < 1) {
            throw new IllegalArgumentException("--day-seconds must be at least 1");
        }
        LocalStackSettings settings = new LocalStackSettings(dataDir.toAbsolutePath(), kafkaPort, registryPort,
                httpPort, smtpPort, mailboxes, seed, daySeconds);
        CountDownLatch stopped = new CountDownLatch(1);
        LocalStack stack = new LocalStack(settings).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the local stack...");
            stack.close();
            stopped.countDown();
        }, "resetflow-shutdown"));
        System.out.println();
        System.out.println("ResetFlow local stack is running (Ctrl-C to stop). Data: " + settings.dataDir());
        stack.orderedAddresses().forEach((name, address) -> System.out.printf("  %-18s %s%n", name, address));
        System.out.println();
        stopped.await();
        return 0;
    }
}
