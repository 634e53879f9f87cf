package io.resetflow.embedded.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.resetflow.avro.IntakeRecord;
import io.resetflow.avro.AccountLifecycle;
import io.resetflow.avro.CredentialStorage;
import io.resetflow.avro.Priority;
import io.resetflow.embedded.EmbeddedKafkaBroker;
import io.resetflow.embedded.registry.EmbeddedSchemaRegistry;
import io.resetflow.registry.RestSchemaRegistryClient;
import io.resetflow.serde.AvroSerdeConfig;
import io.resetflow.serde.SpecificAvroSerde;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Avro records written through our serde stay readable after the registry and the broker restart. */
class AvroRecordsAcrossRestartTest {

    private static final String TOPIC = "remediation.intake";

    @TempDir
    static Path dataDir;

    private static EmbeddedKafkaBroker broker;
    private static EmbeddedSchemaRegistry registry;

    @BeforeAll
    static void start() {
        broker = EmbeddedKafkaBroker.builder().dataDir(dataDir).build().start();
        registry = EmbeddedSchemaRegistry.builder(broker.bootstrapServers()).build().start();
        broker.createTopic(TOPIC, 3);
    }

    @AfterAll
    static void stop() {
        registry.close();
        broker.close();
    }

    @Test
    void recordsProducedThroughOurSerdeAreReadBackAfterRegistryAndBrokerRestart() {
        // Given three intake records produced through our serde
        List<IntakeRecord> written = List.of(record("mbx-1", "jcom"), record("mbx-2", "nifty"), record("mbx-3", "ctc"));
        produce(written);
        assertThat(consume(written.size())).containsExactlyInAnyOrderElementsOf(written);
        int idBefore = new RestSchemaRegistryClient(registry.url()).latest(TOPIC + "-value").orElseThrow().id();

        // When the registry and the broker both restart on the same data
        registry.close();
        broker.close();
        broker = EmbeddedKafkaBroker.builder().dataDir(dataDir).build().start();
        registry = EmbeddedSchemaRegistry.builder(broker.bootstrapServers()).build().start();

        // Then a fresh deserializer (no cached schemas) reads them all, under the same schema id
        assertThat(consume(written.size())).containsExactlyInAnyOrderElementsOf(written);
        assertThat(new RestSchemaRegistryClient(registry.url()).latest(TOPIC + "-value").orElseThrow().id())
                .isEqualTo(idBefore);
    }

    private static IntakeRecord record(String mailboxId, String tenant) {
        return IntakeRecord.newBuilder()
                .setMailboxId(mailboxId)
                .setTenant(tenant)
                .setAddress(mailboxId + "@example.jp")
                .setLifecycle(AccountLifecycle.ACTIVE)
                .setCredentialStorage(CredentialStorage.HASHED)
                .setPriority(Priority.HIGH)
                .setAcceptedAt(Instant.parse("2026-11-25T09:00:00Z"))
                .build();
    }

    private static SpecificAvroSerde<IntakeRecord> serde() {
        SpecificAvroSerde<IntakeRecord> serde = new SpecificAvroSerde<>(IntakeRecord.class);
        serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), false);
        return serde;
    }

    private static void produce(List<IntakeRecord> records) {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, IntakeRecord> producer =
                     new KafkaProducer<>(props, new StringSerializer(), serde().serializer())) {
            records.forEach(r -> producer.send(new ProducerRecord<>(TOPIC, r.getMailboxId(), r)));
            producer.flush();
        }
    }

    private static List<IntakeRecord> consume(int expected) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<IntakeRecord> read = new ArrayList<>();
        try (KafkaConsumer<String, IntakeRecord> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), serde().deserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (read.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, IntakeRecord> record : consumer.poll(Duration.ofMillis(200))) {
                    read.add(record.value());
                }
            }
        }
        return read;
    }
}
