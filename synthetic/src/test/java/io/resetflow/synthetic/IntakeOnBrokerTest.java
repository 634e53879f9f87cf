package io.resetflow.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.resetflow.avro.FailureStage;
import io.resetflow.breachfile.ImportCommand;
import io.resetflow.core.config.CommonConfig;
import io.resetflow.core.tenant.TenantsLoader;
import io.resetflow.core.topic.TopicNames;
import io.resetflow.embedded.EmbeddedKafkaBroker;
import io.resetflow.embedded.registry.EmbeddedSchemaRegistry;
import io.resetflow.intake.IntakeConfig;
import io.resetflow.intake.IntakeService;
import io.resetflow.intake.MeteredDuplicateCounter;
import io.resetflow.intake.TopicsCreateCommand;
import io.resetflow.serde.AvroSerdes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * End to end on a real broker: generate a dirty file, create the topics, import it with the import
 * command, run the intake service under exactly_once_v2, and find exactly the counts the generator
 * promised on every output topic; then import the same file again, and have another producer write
 * the rows once more without the partition key, and find no new work.
 */
class IntakeOnBrokerTest {

    private static final List<String> TENANTS = TenantsLoader.bundled().ids();

    @TempDir
    static Path dir;
    private static EmbeddedKafkaBroker broker;
    private static EmbeddedSchemaRegistry registry;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.builder().build().start();
        registry = EmbeddedSchemaRegistry.builder(broker.bootstrapServers()).build().start();
    }

    @AfterAll
    static void stopBroker() {
        if (registry != null) {
            registry.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void publishesExactlyTheExpectedCountsAndIgnoresARepeatedImport() throws Exception {
        // Given a dirty breach file, the topics, and a poison record ahead of the rows
        Path file = dir.resolve("breach.csv.gz");
        assertThat(run(new GenerateCommand(), "--mailboxes", "4000", "--seed", "5", "--dirty-share", "0.3",
                "--out", file.toString())).isZero();
        ExpectedCounts expected = ExpectedCounts.read(ExpectedCounts.sidecarOf(file));
        assertThat(run(new TopicsCreateCommand(), "--bootstrap-server", broker.bootstrapServers(),
                "--partitions", "3")).isZero();
        try (KafkaProducer<byte[], byte[]> raw = new KafkaProducer<>(Map.of("bootstrap.servers",
                broker.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(TopicNames.DEFAULT.breachAffectedAccounts(), new byte[] {0, 0, 0, 9, 9})).get();
        }

        // When it is imported and intake runs
        assertThat(importFile(file, "run-1")).isZero();
        try (IntakeService intake = new IntakeService(new IntakeConfig(Map.of(
                CommonConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers(),
                CommonConfig.SCHEMA_REGISTRY_URL, registry.url(),
                CommonConfig.STATE_DIR, dir.resolve("state").toString(),
                CommonConfig.MAILBOX_ID_SECRET, "intake-it-secret-0123456789abcdefghij",
                CommonConfig.TOPIC_PARTITIONS, 3))).start();
             OutputTopicsReader outputs = new OutputTopicsReader(broker.bootstrapServers(), TopicNames.DEFAULT, TENANTS,
                     AvroSerdes.forRegistry(registry.url()))) {

            // Then every output topic holds exactly the expected records
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                outputs.poll();
                assertThat(outputs.intakeRecords).isEqualTo(expected.accepted());
                assertThat(outputs.affectedPerTenant).isEqualTo(expected.acceptedPerTenant());
                assertThat(outputs.rejectsPerReason).isEqualTo(expected.rejectsPerReason());
                assertThat(outputs.deadLetters).hasSize(1);
            });
            assertThat(outputs.intakeKeys).hasSize((int) expected.accepted());
            assertThat(outputs.intakePerPriority).isEqualTo(expected.acceptedPerPriority());
            assertThat(outputs.tenantKeyMismatches).isZero();
            assertThat(outputs.deadLetters.get(0).getStage()).isEqualTo(FailureStage.DESERIALIZATION);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(duplicatesPerTenant(intake)).isEqualTo(withAllTenants(expected.duplicatesPerTenant())));

            // When the same file is imported again
            assertThat(importFile(file, "run-2")).isZero();

            // Then every valid row of it is counted as a duplicate and no new work appears
            long rerunDuplicates = expected.accepted() + expected.duplicates();
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(totalDuplicates(intake))
                    .isEqualTo(expected.duplicates() + rerunDuplicates));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                outputs.poll();
                assertThat(outputs.intakeRecords).isEqualTo(expected.accepted());
                assertThat(outputs.affectedPerTenant).isEqualTo(expected.acceptedPerTenant());
            });

            // When another producer writes the rows of both runs again, without the partition key
            copyWithoutKeys(TopicNames.DEFAULT.breachAffectedAccounts());

            // Then they take the repartition topic to the same store partitions and are all duplicates
            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(totalDuplicates(intake))
                    .isEqualTo(expected.duplicates() + 3 * rerunDuplicates));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                outputs.poll();
                assertThat(outputs.intakeRecords).isEqualTo(expected.accepted());
            });
        }
    }

    /** Re-sends every record now on the topic with a null key, as a producer unaware of partition keys would. */
    private static void copyWithoutKeys(String topic) throws Exception {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                     broker.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<byte[]> values = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
            }
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(topic, null, value));
            }
            producer.flush();
        }
    }

    private static int importFile(Path file, String importId) {
        return run(new ImportCommand(), "--file", file.toString(), "--bootstrap-server", broker.bootstrapServers(),
                "--schema-registry", registry.url(), "--import-id", importId);
    }

    private static int run(Object command, String... args) {
        return new CommandLine(command).execute(args);
    }

    private static Map<String, Long> duplicatesPerTenant(IntakeService intake) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        intake.registry().find(MeteredDuplicateCounter.METER).counters().forEach(counter ->
                counts.put(counter.getId().getTag("tenant"), (long) counter.count()));
        return counts;
    }

    private static long totalDuplicates(IntakeService intake) {
        return (long) intake.registry().find(MeteredDuplicateCounter.METER).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private static Map<String, Long> withAllTenants(Map<String, Long> counts) {
        Map<String, Long> all = new java.util.TreeMap<>();
        TENANTS.forEach(tenant -> all.put(tenant, counts.getOrDefault(tenant, 0L)));
        return all;
    }
}
