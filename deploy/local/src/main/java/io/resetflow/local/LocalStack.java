package io.resetflow.local;

import io.resetflow.core.config.CommonConfig;
import io.resetflow.core.topic.TopicCreator;
import io.resetflow.embedded.EmbeddedKafkaBroker;
import io.resetflow.embedded.registry.EmbeddedSchemaRegistry;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ResetFlow in one process: a real Kafka broker (KRaft), the schema registry and the topics, on
 * loopback, with its data under one directory so a second start resumes where the first stopped.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    private final LocalStackSettings settings;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, String> addresses = new LinkedHashMap<>();
    private EmbeddedKafkaBroker broker;
    private EmbeddedSchemaRegistry registry;

    public LocalStack(LocalStackSettings settings) {
        this.settings = settings;
    }

    public LocalStack start() {
        long begin = System.nanoTime();
        try {
            broker = EmbeddedKafkaBroker.builder()
                    .dataDir(settings.dataDir().resolve("kafka"))
                    .port(settings.kafkaPort())
                    .build()
                    .start();
            started.push(broker);
            addresses.put("Kafka bootstrap", broker.bootstrapServers());

            registry = EmbeddedSchemaRegistry.builder(broker.bootstrapServers())
                    .port(settings.registryPort())
                    .build()
                    .start();
            started.push(registry);
            addresses.put("Schema registry", registry.url());

            CommonConfig config = config();
            try (Admin admin = Admin.create(config.kafkaClientProperties())) {
                TopicCreator.createMissing(admin, config.topicPlan().topics(config.tenants()));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("Local stack up in {} ms", (System.nanoTime() - begin) / 1_000_000);
        return this;
    }

    /** The settings a service needs to join this stack. */
    public CommonConfig config() {
        return new CommonConfig(configValues());
    }

    public Map<String, Object> configValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(CommonConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
        values.put(CommonConfig.SCHEMA_REGISTRY_URL, registry.url());
        values.put(CommonConfig.STATE_DIR, dataDir().resolve("streams").toString());
        return values;
    }

    public Path dataDir() {
        return settings.dataDir();
    }

    public EmbeddedKafkaBroker broker() {
        return broker;
    }

    public EmbeddedSchemaRegistry registry() {
        return registry;
    }

    /** What a person needs to reach the stack, in start order. */
    public Map<String, String> addresses() {
        return Map.copyOf(addresses);
    }

    public Map<String, String> orderedAddresses() {
        return new LinkedHashMap<>(addresses);
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable component = started.pop();
            try {
                component.close();
            } catch (Exception e) {
                LOG.warn("Stopping {} failed: {}", component.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
