package io.resetflow.notifier;

import io.resetflow.core.config.ConfigSources;
import io.resetflow.notifier.config.NotifierConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** Runs the notifier: {@code NotifierMain [notifier.properties]}, RESETFLOW_* variables override the file. */
public final class NotifierMain {

    private NotifierMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Optional<Path> file = args.length > 0 ? Optional.of(Path.of(args[0])) : Optional.empty();
        NotifierConfig config = new NotifierConfig(ConfigSources.merge(file, System.getenv(), Map.of()));
        NotifierService service = new NotifierService(config).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "notifier-shutdown"));
        stopped.await();
    }
}
