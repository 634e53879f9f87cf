package io.resetflow.embedded.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.CommonClientConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema registry speaking the Confluent REST API (Avro schemas), on loopback, that keeps its state in a
 * compacted Kafka topic: ids and versions survive restarts of the registry and of the broker.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    public static final String DEFAULT_TOPIC = "_schemas";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);

    private final Map<String, Object> clientProperties;
    private final int requestedPort;
    private final String topic;
    private final Duration kafkaTimeout;

    private KafkaSchemaLog log;
    private HttpServer server;
    private ExecutorService executor;

    private EmbeddedSchemaRegistry(Builder builder) {
        this.clientProperties = Map.copyOf(builder.clientProperties);
        this.requestedPort = builder.port;
        this.topic = builder.topic;
        this.kafkaTimeout = builder.kafkaTimeout;
    }

    /** A registry on the given Kafka cluster; add client properties when the cluster needs SASL. */
    public static Builder builder(String bootstrapServers) {
        return new Builder().clientProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                Objects.requireNonNull(bootstrapServers, "bootstrapServers"));
    }

    /**
     * Creates the topic when missing, reads it to its end to rebuild the registry, and only then starts
     * answering HTTP requests.
     */
    public synchronized EmbeddedSchemaRegistry start() {
        if (server != null) {
            throw new IllegalStateException("Schema registry already running on " + url());
        }
        long startedAt = System.nanoTime();
        ObjectMapper json = new ObjectMapper();
        SchemaStore store = new SchemaStore();
        try {
            log = KafkaSchemaLog.open(topic, clientProperties, new RegistryRecordCodec(json), kafkaTimeout);
            log.catchUp(store::apply);
            RegistryService service = new RegistryService(store, log, new CompatibilityChecker());
            executor = Executors.newFixedThreadPool(4, daemonThreads());
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 0);
            server.createContext("/", new RegistryHttpHandler(service, json));
            server.setExecutor(executor);
            server.start();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("Cannot start the schema registry on port " + requestedPort, e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("Schema registry started on {} in {} ms with {} subject(s) from topic {}", url(),
                Duration.ofNanos(System.nanoTime() - startedAt).toMillis(), store.subjects().size(), topic);
        return this;
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public synchronized String url() {
        return "http://127.0.0.1:" + port();
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("The schema registry is not running");
        }
        return server.getAddress().getPort();
    }

    public String topic() {
        return topic;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
        if (log != null) {
            log.close();
            log = null;
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "schema-registry-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Builds a registry; nothing runs until {@link EmbeddedSchemaRegistry#start()}. */
    public static final class Builder {

        private final Map<String, Object> clientProperties = new HashMap<>();
        private int port;
        private String topic = DEFAULT_TOPIC;
        private Duration kafkaTimeout = Duration.ofSeconds(30);

        private Builder() {
        }

        /** The HTTP port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Not a port: " + port);
            }
            this.port = port;
            return this;
        }

        /** A Kafka client setting (security.protocol, sasl.jaas.config, ...) for the registry's own clients. */
        public Builder clientProperty(String key, Object value) {
            clientProperties.put(key, value);
            return this;
        }

        /** Kafka client settings, e.g. {@code EmbeddedKafkaBroker#adminClientProperties()} of a SASL broker. */
        public Builder clientProperties(Map<String, ?> properties) {
            clientProperties.putAll(properties);
            return this;
        }

        /** The compacted topic holding the schemas; {@code _schemas} by default. */
        public Builder topic(String topic) {
            this.topic = Objects.requireNonNull(topic, "topic");
            return this;
        }

        /** How long a Kafka read or write may take before the registry gives up on it. */
        public Builder kafkaTimeout(Duration kafkaTimeout) {
            this.kafkaTimeout = Objects.requireNonNull(kafkaTimeout, "kafkaTimeout");
            return this;
        }

        public EmbeddedSchemaRegistry build() {
            return new EmbeddedSchemaRegistry(this);
        }
    }
}
