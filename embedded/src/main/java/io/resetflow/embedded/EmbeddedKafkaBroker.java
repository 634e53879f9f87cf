package io.resetflow.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker (combined broker and KRaft controller) running in this JVM,
 * on loopback. Its storage is formatted on first start only, so a broker started again on the same
 * data directory keeps its cluster id, node id, topics and records. Optionally secured with
 * SASL/SCRAM-SHA-512 and the standard ACL authorizer.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int DEFAULT_NODE_ID = 1;
    private static final String LOG_DIR = "kafka-logs";

    private final Optional<Path> requestedDataDir;
    private final int requestedPort;
    private final int requestedControllerPort;
    private final Map<String, String> brokerProperties;
    private final Optional<ScramUser> saslAdmin;
    private final Duration startTimeout;

    private Path dataDir;
    private boolean temporaryDataDir;
    private BrokerPorts ports;
    private String clusterId;
    private KafkaRaftServer server;

    private EmbeddedKafkaBroker(Builder builder) {
        this.requestedDataDir = Optional.ofNullable(builder.dataDir);
        this.requestedPort = builder.port;
        this.requestedControllerPort = builder.controllerPort;
        this.brokerProperties = Map.copyOf(builder.brokerProperties);
        this.saslAdmin = Optional.ofNullable(builder.saslAdmin);
        this.startTimeout = builder.startTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Formats the storage if it was never formatted, starts the broker and returns once it answers
     * admin requests. A stopped broker may be started again: with a data directory of its own it
     * comes back with its data and (when they are still free) its ports.
     */
    public synchronized EmbeddedKafkaBroker start() {
        if (server != null) {
            throw new IllegalStateException("Broker already running on " + bootstrapServers());
        }
        long startedAt = System.nanoTime();
        try {
            prepareDataDir();
            KraftStorage storage = new KraftStorage(dataDir.resolve(LOG_DIR));
            int nodeId = storage.formattedNodeId().orElse(DEFAULT_NODE_ID);
            ports = BrokerPorts.resolve(requestedPort, requestedControllerPort, dataDir);
            Properties props = BrokerProperties.of(nodeId, ports, storage.logDir(), saslAdmin, brokerProperties);
            KafkaConfig config = KafkaConfig.fromProps(props, false);
            if (storage.isFormatted()) {
                clusterId = storage.formattedClusterId().orElse(null);
            } else {
                clusterId = storage.format(config, saslAdmin.stream().toList());
            }
            ports.remember(dataDir);
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            BrokerReadiness.await(adminClientProperties(), startTimeout);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("Kafka broker started on {} in {} ms (data in {})", bootstrapServers(),
                Duration.ofNanos(System.nanoTime() - startedAt).toMillis(), dataDir);
        return this;
    }

    /** {@code 127.0.0.1:PORT} of the client listener (PLAINTEXT, or SASL_PLAINTEXT when secured). */
    public String bootstrapServers() {
        requireStarted();
        return BrokerProperties.HOST + ":" + ports.client();
    }

    public int port() {
        requireStarted();
        return ports.client();
    }

    public int controllerPort() {
        requireStarted();
        return ports.controller();
    }

    public Path dataDir() {
        requireStarted();
        return dataDir;
    }

    public String clusterId() {
        requireStarted();
        return clusterId;
    }

    public boolean isSaslEnabled() {
        return saslAdmin.isPresent();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** The super user the broker was formatted with, when SASL is enabled. */
    public Optional<ScramUser> saslAdmin() {
        return saslAdmin;
    }

    /** Properties for any client acting as the broker's admin: the bootstrap servers plus SASL settings when secured. */
    public Map<String, Object> adminClientProperties() {
        return saslAdmin.map(this::clientProperties).orElseGet(() -> {
            Map<String, Object> props = new HashMap<>();
            props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
            return props;
        });
    }

    /** Properties for a client logging in as the given SCRAM user (the broker must be SASL-enabled). */
    public Map<String, Object> clientProperties(ScramUser user) {
        if (saslAdmin.isEmpty()) {
            throw new IllegalStateException("The broker was built without SASL: use adminClientProperties()");
        }
        Map<String, Object> props = new HashMap<>();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, BrokerProperties.SASL_LISTENER);
        props.put(SaslConfigs.SASL_MECHANISM, ScramUser.MECHANISM);
        props.put(SaslConfigs.SASL_JAAS_CONFIG, user.jaasConfig());
        return props;
    }

    /** An admin client with {@link #adminClientProperties()}; the caller closes it. */
    public Admin createAdmin() {
        return Admin.create(adminClientProperties());
    }

    /** Creates the topics that do not exist yet; existing ones are left as they are. */
    public void createTopics(NewTopic... topics) {
        try (Admin admin = createAdmin()) {
            Topics.createMissing(admin, List.of(topics));
        }
    }

    public void createTopic(String name, int partitions) {
        createTopics(Topics.plain(name, partitions));
    }

    public void createCompactedTopic(String name, int partitions) {
        createTopics(Topics.compacted(name, partitions));
    }

    /** Shuts the broker down cleanly; a temporary data directory is deleted, a given one kept. */
    @Override
    public synchronized void close() {
        if (server != null) {
            long stoppingAt = System.nanoTime();
            try {
                server.shutdown();
                server.awaitShutdown();
            } finally {
                server = null;
            }
            LOG.info("Kafka broker on 127.0.0.1:{} stopped in {} ms", ports.client(),
                    Duration.ofNanos(System.nanoTime() - stoppingAt).toMillis());
        }
        if (temporaryDataDir && dataDir != null) {
            deleteRecursively(dataDir);
            dataDir = null;
            temporaryDataDir = false;
        }
    }

    private void prepareDataDir() {
        try {
            if (requestedDataDir.isPresent()) {
                dataDir = Files.createDirectories(requestedDataDir.get()).toAbsolutePath();
            } else if (dataDir == null) {
                dataDir = Files.createTempDirectory("embedded-kafka-").toAbsolutePath();
                temporaryDataDir = true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the broker data directory", e);
        }
    }

    private synchronized void requireStarted() {
        if (ports == null) {
            throw new IllegalStateException("The broker was never started");
        }
    }

    private static void deleteRecursively(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    LOG.warn("Could not delete {}: {}", path, e.toString());
                }
            });
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", root, e.toString());
        }
    }

    /** Builds a broker; nothing runs until {@link EmbeddedKafkaBroker#start()}. */
    public static final class Builder {

        private Path dataDir;
        private int port;
        private int controllerPort;
        private final Map<String, String> brokerProperties = new LinkedHashMap<>();
        private ScramUser saslAdmin;
        private Duration startTimeout = Duration.ofSeconds(90);

        private Builder() {
        }

        /** Where the broker keeps its data; kept on close. Without it a temporary directory is used and deleted. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** The client listener port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = requirePort(port);
            return this;
        }

        /** The controller listener port; 0 (the default) picks a free one. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = requirePort(controllerPort);
            return this;
        }

        /** Any broker setting (server.properties key); it overrides the single-node defaults. */
        public Builder brokerProperty(String key, String value) {
            brokerProperties.put(key, value);
            return this;
        }

        public Builder brokerProperties(Map<String, String> properties) {
            brokerProperties.putAll(properties);
            return this;
        }

        /**
         * Secures the client listener with SASL/SCRAM-SHA-512 and ACLs; the given user is created when the
         * storage is formatted and is the only super user on it.
         */
        public Builder saslScram(ScramUser admin) {
            this.saslAdmin = admin;
            return this;
        }

        /** {@link #saslScram(ScramUser)} with {@code admin}/{@code admin-secret}. */
        public Builder saslScram() {
            return saslScram(new ScramUser("admin", "admin-secret"));
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        public EmbeddedKafkaBroker build() {
            return new EmbeddedKafkaBroker(this);
        }

        private static int requirePort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Not a port: " + port);
            }
            return port;
        }
    }
}
