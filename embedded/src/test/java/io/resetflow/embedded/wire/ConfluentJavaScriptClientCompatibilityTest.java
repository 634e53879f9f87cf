package io.resetflow.embedded.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.resetflow.avro.BreachRow;
import io.resetflow.avro.PasswordResetEvent;
import io.resetflow.avro.ResetActor;
import io.resetflow.avro.SourceReference;
import io.resetflow.embedded.EmbeddedKafkaBroker;
import io.resetflow.embedded.registry.EmbeddedSchemaRegistry;
import io.resetflow.registry.RestSchemaRegistryClient;
import io.resetflow.serde.AvroSerdeConfig;
import io.resetflow.serde.SpecificAvroSerde;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ISPs read and write our topics with stock Confluent tooling. Here Confluent's JavaScript client
 * (a client nobody here wrote) talks to our embedded registry and decodes our records, and our
 * deserializer decodes what it encoded.
 */
class ConfluentJavaScriptClientCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static EmbeddedKafkaBroker broker;
    private static EmbeddedSchemaRegistry registry;

    @BeforeAll
    static void start() throws Exception {
        NodeRegistryClient.requireNodeAndInstall();
        broker = EmbeddedKafkaBroker.builder().build().start();
        registry = EmbeddedSchemaRegistry.builder(broker.bootstrapServers()).build().start();
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void javaScriptClientDecodesARecordOurSerializerWrote() throws Exception {
        // Given a breach row serialized by our serde, which registers its schema
        SpecificAvroSerde<BreachRow> serde = new SpecificAvroSerde<>(BreachRow.class);
        serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), false);
        BreachRow row = BreachRow.newBuilder()
                .setSource(new SourceReference("breach-2026-11.csv", 42L, "import-1"))
                .setAddress("山田＠biglobe.ne.jp")
                .setTenant("biglobe")
                .setLifecycle("active")
                .setImportedAt(Instant.ofEpochMilli(1_764_028_800_000L))
                .build();
        byte[] bytes = serde.serializer().serialize("breach.affected-accounts", row);

        // When the JavaScript client decodes the bytes, fetching the schema by id from our registry
        JsonNode decoded = JSON.readTree(NodeRegistryClient.call(registry.url(), "decode", HexFormat.of().formatHex(bytes)));

        // Then it sees the same record
        assertThat(decoded.get("address").asText()).isEqualTo("山田＠biglobe.ne.jp");
        assertThat(decoded.get("tenant").asText()).isEqualTo("biglobe");
        assertThat(decoded.get("source").get("line").asLong()).isEqualTo(42L);
        assertThat(decoded.get("importedAt").asLong()).isEqualTo(1_764_028_800_000L);
        assertThat(decoded.get("brand").isNull()).isTrue();
    }

    @Test
    void ourDeserializerDecodesARecordTheJavaScriptClientEncoded() throws Exception {
        // Given an ISP registering its reset-event schema and encoding an event with the JavaScript client
        String event = """
                {"eventId":"biglobe-000123","tenant":"biglobe","mailboxId":"mbx-abc","address":null,
                 "changedAt":1764115200000,"actor":"CUSTOMER"}""";
        JsonNode encoded = JSON.readTree(NodeRegistryClient.call(registry.url(), "encode",
                "isp.biglobe.password-resets-value", "PasswordResetEvent.avsc", event));

        // When our deserializer reads the bytes
        SpecificAvroSerde<PasswordResetEvent> serde = new SpecificAvroSerde<>(PasswordResetEvent.class);
        serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), false);
        PasswordResetEvent read = serde.deserializer().deserialize("isp.biglobe.password-resets",
                HexFormat.of().parseHex(encoded.get("hex").asText()));

        // Then it is the event the ISP wrote, and the schema is registered under the topic's subject
        assertThat(read.getEventId()).isEqualTo("biglobe-000123");
        assertThat(read.getMailboxId()).isEqualTo("mbx-abc");
        assertThat(read.getAddress()).isNull();
        assertThat(read.getChangedAt()).isEqualTo(Instant.ofEpochMilli(1_764_115_200_000L));
        assertThat(read.getActor()).isEqualTo(ResetActor.CUSTOMER);
        assertThat(new RestSchemaRegistryClient(registry.url()).latest("isp.biglobe.password-resets-value"))
                .hasValueSatisfying(latest -> assertThat(latest.id()).isEqualTo(encoded.get("id").asInt()));
    }
}
