package io.resetflow.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import kafka.server.KafkaConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The KRaft log directory: formatted once, the way {@code kafka-storage format} does, then reused as is. */
final class KraftStorage {

    private static final Logger LOG = LoggerFactory.getLogger(KraftStorage.class);
    private static final String META_PROPERTIES = "meta.properties";

    private final Path logDir;

    KraftStorage(Path logDir) {
        this.logDir = logDir;
    }

    Path logDir() {
        return logDir;
    }

    boolean isFormatted() {
        return Files.isRegularFile(logDir.resolve(META_PROPERTIES));
    }

    /** The node id written at format time, so a restart keeps the identity the metadata log knows. */
    Optional<Integer> formattedNodeId() {
        return metaProperty("node.id").map(Integer::parseInt);
    }

    Optional<String> formattedClusterId() {
        return metaProperty("cluster.id");
    }

    private Optional<String> metaProperty(String key) {
        if (!isFormatted()) {
            return Optional.empty();
        }
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(logDir.resolve(META_PROPERTIES))) {
            meta.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.ofNullable(meta.getProperty(key)).map(String::trim);
    }

    /** Formats the directory for a new cluster, creating the SCRAM users in its bootstrap metadata. */
    String format(KafkaConfig config, List<ScramUser> scramUsers) {
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(print)
                    .setNodeId(config.nodeId())
                    .setClusterId(clusterId)
                    .setWriteBootstrapSnapshot(true)
                    .setUnstableFeatureVersionsEnabled(false)
                    .setIgnoreFormatted(false)
                    .setControllerListenerName(config.controllerListenerNames().get(0))
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setScramArguments(scramUsers.stream().map(ScramUser::formatterArgument).toList())
                    .addDirectory(logDir.toAbsolutePath().toString())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format KRaft storage in " + logDir + ": " + e.getMessage(), e);
        }
        LOG.debug("{}", output.toString(StandardCharsets.UTF_8).trim());
        return clusterId;
    }
}
