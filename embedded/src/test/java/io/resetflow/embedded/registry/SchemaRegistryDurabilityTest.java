package io.resetflow.embedded.registry;

import static io.resetflow.embedded.registry.RegistryHttp.schemaBody;
import static io.resetflow.embedded.registry.TestSchemas.ACCOUNT_V1;
import static io.resetflow.embedded.registry.TestSchemas.ACCOUNT_V2_WITH_DEFAULT;
import static io.resetflow.embedded.registry.TestSchemas.ACCOUNT_WITH_REQUIRED_EMAIL;
import static io.resetflow.embedded.registry.TestSchemas.PROGRESS;
import static org.assertj.core.api.Assertions.assertThat;

import io.resetflow.embedded.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaRegistryDurabilityTest {

    @TempDir
    static Path brokerDir;

    private static EmbeddedKafkaBroker broker;
    private static EmbeddedSchemaRegistry registry;

    @BeforeAll
    static void startBrokerAndRegistry() {
        broker = EmbeddedKafkaBroker.builder().dataDir(brokerDir).build().start();
        registry = startRegistry();
    }

    @AfterAll
    static void stopRegistryAndBroker() {
        registry.close();
        broker.close();
    }

    @Test
    void keepsItsStateInACompactedSinglePartitionTopic() throws Exception {
        try (Admin admin = broker.createAdmin()) {
            TopicDescription topic = admin.describeTopics(List.of("_schemas")).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get("_schemas");
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "_schemas");
            String cleanupPolicy = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS)
                    .get(resource).get(TopicConfig.CLEANUP_POLICY_CONFIG).value();

            assertThat(topic.partitions()).hasSize(1);
            assertThat(cleanupPolicy).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }

    @Test
    void keepsIdsVersionsAndLevelsAcrossARegistryRestart() throws Exception {
        // Given
        RegistryHttp http = new RegistryHttp(registry.url());
        int v1 = http.register("restart-registry-value", ACCOUNT_V1);
        int v2 = http.register("restart-registry-value", ACCOUNT_V2_WITH_DEFAULT);
        http.put("/config/restart-registry-value", "{\"compatibility\":\"FULL\"}");

        // When
        registry.close();
        registry = startRegistry();

        // Then
        http = new RegistryHttp(registry.url());
        assertThat(http.get("/subjects/restart-registry-value/versions/1").json().get("id").asInt()).isEqualTo(v1);
        assertThat(http.get("/subjects/restart-registry-value/versions/latest").json().get("id").asInt()).isEqualTo(v2);
        assertThat(http.register("restart-registry-value", ACCOUNT_V1)).isEqualTo(v1);
        assertThat(http.get("/config/restart-registry-value").json().get("compatibilityLevel").asText())
                .isEqualTo("FULL");
        assertThat(http.post("/subjects/restart-registry-value/versions", schemaBody(ACCOUNT_WITH_REQUIRED_EMAIL))
                .status()).isEqualTo(409);
        assertThat(http.register("restart-registry-other-value", PROGRESS)).isGreaterThan(Math.max(v1, v2));
    }

    @Test
    void keepsIdsAcrossABrokerRestartOnTheSameDataDirectory() throws Exception {
        // Given
        RegistryHttp http = new RegistryHttp(registry.url());
        int id = http.register("restart-broker-value", PROGRESS);

        // When
        registry.close();
        broker.close();
        broker = EmbeddedKafkaBroker.builder().dataDir(brokerDir).build().start();
        registry = startRegistry();

        // Then
        http = new RegistryHttp(registry.url());
        assertThat(http.get("/schemas/ids/" + id).status()).isEqualTo(200);
        assertThat(http.post("/subjects/restart-broker-value", schemaBody(PROGRESS)).json().get("id").asInt())
                .isEqualTo(id);
        assertThat(http.register("restart-broker-value", PROGRESS)).isEqualTo(id);
    }

    private static EmbeddedSchemaRegistry startRegistry() {
        return EmbeddedSchemaRegistry.builder(broker.bootstrapServers()).build().start();
    }
}
