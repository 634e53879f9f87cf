package io.resetflow.tracker.it;

import io.resetflow.embedded.EmbeddedKafkaBroker;
import io.resetflow.embedded.registry.EmbeddedSchemaRegistry;
import io.resetflow.tracker.config.TrackerConfig;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** What the tracker's tests on a real broker share: an instance's settings and closing what they opened. */
final class TrackerOnBroker {

    private TrackerOnBroker() {
    }

    /** A tracker on the broker and registry, with the test tenants, its own state directory and fast commits. */
    static TrackerConfig config(EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registry, String secret,
                                int partitions, Path stateDir) {
        return config(broker, registry, secret, partitions, stateDir, "/it-tenants.yaml", Map.of());
    }

    /** With another tenants file and more settings; every instance accepts the test tokens and asks peers as a service. */
    static TrackerConfig config(EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registry, String secret,
                                int partitions, Path stateDir, String tenantsResource, Map<String, Object> more) {
        Map<String, Object> values = new HashMap<>();
        values.put(TrackerConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
        values.put(TrackerConfig.SCHEMA_REGISTRY_URL, registry.url());
        values.put(TrackerConfig.MAILBOX_ID_SECRET, secret);
        values.put(TrackerConfig.TENANTS_FILE, resource(tenantsResource));
        values.put(TrackerConfig.HTTP_TOKENS, ApiTokensForTests.setting());
        values.put(TrackerConfig.HTTP_PEER_TOKEN, ApiTokensForTests.SERVICE);
        values.put(TrackerConfig.TOPIC_PARTITIONS, partitions);
        values.put(TrackerConfig.STATE_DIR, stateDir.toString());
        values.put(TrackerConfig.HTTP_PORT, 0);
        values.put(TrackerConfig.CAMPAIGN_START, "2025-06-01T00:00:00Z");
        values.put(TrackerConfig.BREACH_CUTOFF, "2025-05-30T00:00:00Z");
        values.put("kafka.commit.interval.ms", 100);
        values.putAll(more);
        return new TrackerConfig(values);
    }

    /** Closes each in turn; one failing to close does not keep the rest open. */
    static void closeAll(AutoCloseable... closeables) {
        for (AutoCloseable closeable : closeables) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // Closing the rest matters more than this one's failure.
            }
        }
    }

    private static String resource(String name) {
        try {
            return Path.of(TrackerOnBroker.class.getResource(name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
