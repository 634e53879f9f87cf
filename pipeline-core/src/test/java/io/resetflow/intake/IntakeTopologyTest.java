package io.resetflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.resetflow.avro.AffectedAccount;
import io.resetflow.avro.BreachRow;
import io.resetflow.avro.DeadLetter;
import io.resetflow.avro.FailureStage;
import io.resetflow.avro.IntakeRecord;
import io.resetflow.avro.Priority;
import io.resetflow.avro.RejectReason;
import io.resetflow.avro.RejectedRow;
import io.resetflow.avro.SourceReference;
import io.resetflow.core.identity.MailboxIds;
import io.resetflow.core.identity.PartitionKeys;
import io.resetflow.core.streams.StreamsSettings;
import io.resetflow.core.tenant.TenantsLoader;
import io.resetflow.core.topic.TopicNames;
import io.resetflow.core.topic.TopicSpec;
import io.resetflow.registry.InMemorySchemaRegistryClient;
import io.resetflow.serde.AvroSerdes;
import io.resetflow.serde.AvroSerializer;
import io.resetflow.serde.SpecificAvroSerde;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntakeTopologyTest {

    /** Wall-clock time of the driver: 2025-06-02 11:00 in Tokyo. */
    private static final Instant START = Instant.parse("2025-06-02T02:00:00Z");
    private static final String DEAD_LETTERS = "resetflow-intake.dead-letter";

    private final MailboxIds ids = new MailboxIds("a-test-secret-of-enough-bytes");
    private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
    private final IntakeTopics topics = IntakeTopics.of(TopicNames.DEFAULT, new AvroSerdes(registry, Map.of()));
    private final Map<String, Integer> duplicates = new HashMap<>();

    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, BreachRow> rows;
    private TestOutputTopic<String, IntakeRecord> intake;
    private TestOutputTopic<String, RejectedRow> rejected;

    @BeforeEach
    void startDriver() {
        Topology topology = IntakeTopology.build(TenantsLoader.bundled(), ids, topics,
                tenant -> duplicates.merge(tenant, 1, Integer::sum));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "resetflow-intake");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        StreamsSettings.withDeadLetters(props, DEAD_LETTERS);
        StreamsSettings.withDeadLetterSerializer(props, new AvroSerializer<>(registry));
        driver = new TopologyTestDriver(topology, props, START);
        rows = input(topics.breachRows());
        intake = output(topics.intake());
        rejected = output(topics.rejected());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void routesAcceptedMailboxToItsTenantTopic() {
        // Given / When a BIGLOBE row without a tenant column
        rows.pipeInput(null, BreachRows.row("hanako@biglobe.ne.jp").build());

        // Then BIGLOBE's topic has it, keyed by mailbox id, and no other ISP sees it
        List<TestRecord<String, AffectedAccount>> biglobe = output(topics.tenantAffectedAccounts("biglobe"))
                .readRecordsToList();
        assertThat(biglobe).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(ids.of("hanako@biglobe.ne.jp"));
            assertThat(record.value().getAddress()).isEqualTo("hanako@biglobe.ne.jp");
            assertThat(record.value().getBrand()).isEqualTo("BIGLOBE Mail");
        });
        assertThat(output(topics.tenantAffectedAccounts("nifty")).isEmpty()).isTrue();
    }

    @Test
    void handsOneIntakeRecordPerMailboxWrittenInDifferentForms() {
        // Given the same mailbox in plain, upper-case and full-width form
        rows.pipeInput(null, BreachRows.row("taro@nifty.com", 2).build());
        rows.pipeInput(null, BreachRows.row("TARO@Nifty.com", 3).build());
        rows.pipeInput(null, BreachRows.row("ｔａｒｏ＠ｎｉｆｔｙ．ｃｏｍ", 4).build());

        // Then exactly one intake record, from the first occurrence
        assertThat(intake.readRecordsToList()).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(ids.of("taro@nifty.com"));
            assertThat(record.value().getAddress()).isEqualTo("taro@nifty.com");
        });
    }

    @Test
    void countsLaterOccurrencesAsDuplicatesOfTheirTenant() {
        rows.pipeInput(null, BreachRows.row("taro@nifty.com").build());
        rows.pipeInput(null, BreachRows.row("Taro@nifty.com").build());
        rows.pipeInput(null, BreachRows.row("taro@commufa.jp").build());

        assertThat(duplicates).containsExactly(Map.entry("nifty", 1));
    }

    @Test
    void catchesADuplicateWhenBothRowsCarryThePartitionKey() {
        // Given the import's key on both forms of one mailbox
        String key = PartitionKeys.of("taro@nifty.com");
        rows.pipeInput(key, BreachRows.row("taro@nifty.com", 2).build());
        rows.pipeInput(key, BreachRows.row("Taro@Nifty.com", 3).build());

        // Then the first is accepted, the second counted, and neither took the repartition topic
        assertThat(intake.readRecordsToList()).singleElement()
                .satisfies(record -> assertThat(record.key()).isEqualTo(ids.of("taro@nifty.com")));
        assertThat(duplicates).containsExactly(Map.entry("nifty", 1));
        assertThat(driver.producedTopicNames()).noneMatch(name -> name.contains(IntakeTopology.BY_PARTITION_KEY));
    }

    @Test
    void catchesAnUnkeyedDuplicateOfAKeyedRow() {
        // Given a row from the import, keyed, and the same mailbox from another producer, without a key
        rows.pipeInput(PartitionKeys.of("taro@nifty.com"), BreachRows.row("taro@nifty.com", 2).build());
        rows.pipeInput(null, BreachRows.row("ＴＡＲＯ＠nifty.com", 3).build());

        // Then the unkeyed row goes through the repartition topic and is still a duplicate
        assertThat(intake.readRecordsToList()).singleElement()
                .satisfies(record -> assertThat(record.value().getAddress()).isEqualTo("taro@nifty.com"));
        assertThat(duplicates).containsExactly(Map.entry("nifty", 1));
        assertThat(driver.producedTopicNames()).anyMatch(name -> name.contains(IntakeTopology.BY_PARTITION_KEY));
    }

    @Test
    void acceptsARowUnderAnotherProducersKeyOnce() {
        // Given a row keyed by something that is not its partition key, then its keyed duplicate
        rows.pipeInput("some-other-key", BreachRows.row("hanako@biglobe.ne.jp", 2).build());
        rows.pipeInput(PartitionKeys.of("hanako@biglobe.ne.jp"), BreachRows.row("hanako@biglobe.ne.jp", 3).build());

        // Then the first is accepted, with its source line, and the second counted
        assertThat(intake.readRecordsToList()).singleElement()
                .satisfies(record -> assertThat(record.key()).isEqualTo(ids.of("hanako@biglobe.ne.jp")));
        assertThat(output(topics.tenantAffectedAccounts("biglobe")).readValue().getSource().getLine()).isEqualTo(2);
        assertThat(duplicates).containsExactly(Map.entry("biglobe", 1));
    }

    @Test
    void doesNotReacceptMailboxesOfARepeatedImport() {
        // Given a file imported once
        rows.pipeInput(null, BreachRows.row("taro@nifty.com").build());
        intake.readRecordsToList();

        // When the same row arrives again from a second import run, a day later
        driver.advanceWallClockTime(java.time.Duration.ofDays(1));
        rows.pipeInput(null, BreachRows.row("taro@nifty.com").setSource(SourceReference.newBuilder()
                .setFile("breach.csv").setLine(2).setImportId("import-2").build()).build());

        // Then no new remediation work is created
        assertThat(intake.isEmpty()).isTrue();
        assertThat(output(topics.tenantAffectedAccounts("nifty")).readRecordsToList()).hasSize(1);
    }

    @Test
    void stampsAcceptanceWithStreamTime() {
        driver.advanceWallClockTime(java.time.Duration.ofMinutes(5));

        rows.pipeInput(null, BreachRows.row("taro@nifty.com").build());

        assertThat(intake.readValue().getAcceptedAt()).isEqualTo(START.plusSeconds(300));
    }

    @Test
    void classifiesActivePlaintextMailboxAsUrgent() {
        rows.pipeInput(null, BreachRows.row("taro@nifty.com").setCredentialStorage("plaintext").build());

        assertThat(intake.readValue().getPriority()).isEqualTo(Priority.URGENT);
    }

    @Test
    void classifiesFormerAccountForLocking() {
        rows.pipeInput(null, BreachRows.row("taro@nifty.com").setLifecycle("former").build());

        assertThat(output(topics.tenantAffectedAccounts("nifty")).readValue().getPriority()).isEqualTo(Priority.LOCK);
    }

    @Test
    void carriesContactAddressToTrackerButOnlyItsPresenceToTheIsp() {
        rows.pipeInput(null, BreachRows.row("taro@nifty.com").setContactAddress("taro.home@gmail.com").build());

        assertThat(intake.readValue().getContactAddress()).isEqualTo("taro.home@gmail.com");
        assertThat(output(topics.tenantAffectedAccounts("nifty")).readValue().getHasContactAddress()).isTrue();
    }

    @Test
    void rejectsDomainOfAnotherTenantWithReasonAndSource() {
        rows.pipeInput(null, BreachRows.row("taro@biglobe.ne.jp", 17).setTenant("nifty").build());

        assertThat(rejected.readValue()).satisfies(row -> {
            assertThat(row.getReason()).isEqualTo(RejectReason.TENANT_DOMAIN_MISMATCH);
            assertThat(row.getSource().getLine()).isEqualTo(17);
            assertThat(row.getRejectedAt()).isEqualTo(START);
        });
        assertThat(intake.isEmpty()).isTrue();
    }

    @Test
    void rejectsUnknownDomainWithoutTenant() {
        rows.pipeInput(null, BreachRows.row("taro@example.net").build());

        assertThat(rejected.readValue().getReason()).isEqualTo(RejectReason.UNKNOWN_TENANT);
        assertThat(intake.isEmpty()).isTrue();
    }

    @Test
    void rejectedRowsDoNotBlockTheMailboxLater() {
        // Given an invalid row naming the wrong tenant for a mailbox
        rows.pipeInput(null, BreachRows.row("taro@biglobe.ne.jp").setTenant("nifty").build());

        // When the mailbox then arrives correctly
        rows.pipeInput(null, BreachRows.row("taro@biglobe.ne.jp").setTenant("biglobe").build());

        // Then it is accepted: rejection happens before de-duplication
        assertThat(intake.readRecordsToList()).hasSize(1);
        assertThat(duplicates).isEmpty();
    }

    @Test
    void deadLettersUndecodableRecordAndKeepsGoing() {
        // Given bytes that are not a BreachRow, followed by a good row
        TestInputTopic<String, byte[]> raw = driver.createInputTopic(topics.breachRows().name(),
                new StringSerializer(), new ByteArraySerializer());
        raw.pipeInput(null, new byte[] {0, 0, 0, 0, 42, 1, 2});
        rows.pipeInput(null, BreachRows.row("taro@nifty.com").build());

        // Then the poison record is dead-lettered with its origin and the good row still flows
        TestOutputTopic<String, DeadLetter> deadLetters = driver.createOutputTopic(DEAD_LETTERS,
                Serdes.String().deserializer(), new SpecificAvroSerde<>(DeadLetter.class, registry).deserializer());
        assertThat(deadLetters.readValue()).satisfies(letter -> {
            assertThat(letter.getStage()).isEqualTo(FailureStage.DESERIALIZATION);
            assertThat(letter.getSourceTopic()).isEqualTo("breach.affected-accounts");
            assertThat(letter.getSourceOffset()).isZero();
        });
        assertThat(intake.readRecordsToList()).hasSize(1);
    }

    @Test
    void namesEveryProcessorStoreAndInternalTopic() {
        String described = IntakeTopology.build(TenantsLoader.bundled(), ids, topics, tenant -> { })
                .describe().toString();

        assertThat(described)
                .doesNotContain("KSTREAM-", "KTABLE-")
                .contains(Deduplication.STORE, IntakeTopology.BY_PARTITION_KEY);
    }

    private <K, V> TestInputTopic<K, V> input(TopicSpec<K, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private <K, V> TestOutputTopic<K, V> output(TopicSpec<K, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }
}
