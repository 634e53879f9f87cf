package io.resetflow.embedded.registry;

import static io.resetflow.embedded.registry.TestSchemas.ACCOUNT_V1;
import static io.resetflow.embedded.registry.TestSchemas.ACCOUNT_V2_WITH_DEFAULT;
import static io.resetflow.embedded.registry.TestSchemas.ACCOUNT_WITH_REQUIRED_EMAIL;
import static org.assertj.core.api.Assertions.assertThat;

import io.resetflow.embedded.EmbeddedKafkaBroker;
import io.resetflow.registry.RegisteredSchema;
import io.resetflow.registry.RestSchemaRegistryClient;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The project's own Confluent-REST client (schemas module) works against the embedded registry. */
class StockClientCompatibilityTest {

    private static EmbeddedKafkaBroker broker;
    private static EmbeddedSchemaRegistry registry;

    @BeforeAll
    static void startBrokerAndRegistry() {
        broker = EmbeddedKafkaBroker.builder().build().start();
        registry = EmbeddedSchemaRegistry.builder(broker.bootstrapServers()).build().start();
    }

    @AfterAll
    static void stopRegistryAndBroker() {
        registry.close();
        broker.close();
    }

    @Test
    void registersLooksUpAndChecksThroughTheRestClient() {
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url());
        Schema v1 = new Schema.Parser().parse(ACCOUNT_V1);
        Schema v2 = new Schema.Parser().parse(ACCOUNT_V2_WITH_DEFAULT);

        assertThat(client.idOf("accounts-value", v1)).isEmpty();
        assertThat(client.latest("accounts-value")).isEmpty();
        int id = client.register("accounts-value", v1);

        assertThat(client.idOf("accounts-value", v1)).contains(id);
        assertThat(client.schemaById(id)).isEqualTo(v1);
        assertThat(client.isCompatible("accounts-value", v2)).isTrue();
        assertThat(client.isCompatible("accounts-value", new Schema.Parser().parse(ACCOUNT_WITH_REQUIRED_EMAIL)))
                .isFalse();
        int id2 = client.register("accounts-value", v2);
        RegisteredSchema latest = client.latest("accounts-value").orElseThrow();
        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.id()).isEqualTo(id2);
    }
}
