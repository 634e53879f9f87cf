package io.resetflow.local;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Sends the local stack's full log (broker, clients, services) to a file in its data directory and
 * keeps only ResetFlow's own errors on the console, where the campaign status line is.
 */
public final class LocalLogging {

    private LocalLogging() {
    }

    /** Returns the log file. */
    public static Path toFileIn(Path dataDir) {
        Path file = dataDir.resolve("logs").resolve("resetflow.log");
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the log directory " + file.getParent(), e);
        }
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return file;
        }
        URL config = LocalLogging.class.getResource("/logback-local.xml");
        context.reset();
        context.putProperty("RESETFLOW_LOG_FILE", file.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            throw new IllegalStateException("cannot configure logging from " + config, e);
        }
        return file;
    }
}
