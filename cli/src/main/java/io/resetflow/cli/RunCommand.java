package io.resetflow.cli;

import io.resetflow.core.config.ConfigSources;
import io.resetflow.core.ops.RunningService;
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
import java.util.concurrent.atomic.AtomicBoolean;
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
        RunningService running = switch (service) {
            case intake -> new IntakeService(new IntakeConfig(values)).start();
            case notifier -> new NotifierService(new NotifierConfig(values)).start();
            case tracker -> new TrackerService(new TrackerConfig(values)).start();
        };
        AtomicBoolean terminating = new AtomicBoolean();
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            terminating.set(true);
            closeQuietly(running);
            closed.countDown();
        }, "resetflow-" + service + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        boolean failed = running.awaitStop();
        if (failed && !terminating.get()) {
            // Stopped on its own: a fatal error. Exiting non-zero lets the supervisor restart it.
            System.err.println("resetflow run " + service + ": stopped on a fatal error (see the log); exiting");
            Runtime.getRuntime().removeShutdownHook(hook);
            closeQuietly(running);
            return 1;
        }
        closed.await();
        return 0;
    }

    private void closeQuietly(AutoCloseable running) {
        try {
            running.close();
        } catch (Exception e) {
            System.err.println("resetflow run " + service + ": error while stopping: " + e.getMessage());
        }
    }
}
