package io.resetflow.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the whole system on this machine until Ctrl-C. */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = {"Run ResetFlow on this machine: a real Kafka broker (KRaft), the schema registry, an SMTP "
                + "server with an outbox, the intake, notifier and reset tracker, the dashboard, a sample breach and "
                + "simulated customers resetting over accelerated days.",
                "Ctrl-C stops everything cleanly; a second start resumes from --data-dir."})
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

    @Option(names = "--imap-port", defaultValue = "1143", description = "IMAP port of the outbox (default: ${DEFAULT-VALUE}).")
    int imapPort;

    @Option(names = "--outbox-port", defaultValue = "8025",
            description = "Port of the outbox page listing sent mails (default: ${DEFAULT-VALUE}).")
    int outboxPort;

    @Option(names = "--mailboxes", defaultValue = "100000",
            description = "Size of the sample breach, imported on the first start (default: ${DEFAULT-VALUE}, "
                    + "up to 14220000; 0 for none).")
    int mailboxes;

    @Option(names = "--seed", defaultValue = "20261125", description = "Seed of the sample data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--day-seconds", defaultValue = "60",
            description = "Wall-clock seconds per simulated campaign day (default: ${DEFAULT-VALUE}).")
    int daySeconds;

    @Override
    public Integer call() throws InterruptedException {
        long begin = System.nanoTime();
        Path logFile = LocalLogging.toFileIn(dataDir.toAbsolutePath());
        System.out.printf("Starting the local stack; full log in %s%n", logFile);
        LocalStackSettings settings = new LocalStackSettings(dataDir.toAbsolutePath(),
                new LocalStackSettings.Ports(kafkaPort, registryPort, httpPort, smtpPort, imapPort, outboxPort),
                mailboxes, seed, daySeconds);
        CountDownLatch stopped = new CountDownLatch(1);
        LocalStack stack = new LocalStack(settings).start();
        ConsoleStatus status = new ConsoleStatus(stack.campaignClock(), stack.dashboardUrl(), stack.operationsToken(),
                stack.mail(), System.out,
                System.console() != null);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            status.close();
            System.out.println("Stopping the local stack...");
            stack.close();
            stopped.countDown();
        }, "resetflow-shutdown"));
        System.out.println();
        System.out.printf("ResetFlow local stack is running (started in %.1f s; Ctrl-C to stop). Data: %s%n",
                (System.nanoTime() - begin) / 1e9, settings.dataDir());
        stack.orderedAddresses().forEach((name, address) -> System.out.printf("  %-18s %s%n", name, address));
        System.out.printf("  %-18s %s%n", "Log file", logFile);
        System.out.printf("%nOpen the dashboard: %s%n%n", stack.dashboardUrl());
        status.start(Duration.ofSeconds(System.console() != null ? 2 : 10));
        stopped.await();
        return 0;
    }
}
