package io.resetflow.cli;

import io.resetflow.core.config.ConfigSources;
import io.resetflow.intake.IntakeConfig;
import io.resetflow.intake.IntakeService;
import io.resetflow.notifier.NotifierService;
import io.resetflow.notifier.config.NotifierConfig;
import io.resetflow.tracker.TrackerService;
import io.resetflow.tracker.config.TrackerConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs one service against an existing cluster until it is stopped (SIGTERM / Ctrl-C). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run one ResetFlow service against an existing Kafka cluster and schema registry.",
                "Settings: --config FILE (properties), overridden by RESETFLOW_* environment variables "
                        + "(RESETFLOW_KAFKA_BOOTSTRAP_SERVERS sets kafka.bootstrap.servers)."})
public final class RunCommand implements Callable<Integer> {

    enum Service { intake, notifier, tracker }

    @Parameters(index = "0", paramLabel = "SERVICE", description = "intake, notifier or tracker.")
    Service service;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file of the service.")
    Path config;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, Object> values = ConfigSources.merge(Optional.ofNullable(config), System.getenv(), Map.of());
        AutoCloseable running = switch (service) {
            case intake -> new IntakeService(new IntakeConfig(values)).start();
            case notifier -> new NotifierService(new NotifierConfig(values)).start();
            case tracker -> new TrackerService(new TrackerConfig(values)).start();
        };
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } catch (Exception e) {
                System.err.println("resetflow run " + service + ": error while stopping: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "resetflow-" + service + "-shutdown"));
        stopped.await();
        return 0;
    }
}
