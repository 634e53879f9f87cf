package io.resetflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.resetflow.cli.ResetFlowCli;
import io.resetflow.core.config.CommonConfig;
import io.resetflow.core.http.ApiTokens;
import io.resetflow.core.http.Caller;
import io.resetflow.core.topic.TopicNames;
import io.resetflow.embedded.EmbeddedKafkaBroker;
import io.resetflow.embedded.registry.EmbeddedSchemaRegistry;
import io.resetflow.intake.IntakeConfig;
import io.resetflow.local.CaughtUp;
import io.resetflow.local.CliProcess;
import io.resetflow.synthetic.ExpectedCounts;
import io.resetflow.synthetic.GenerateCommand;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code resetflow run intake} as a process, killed with SIGKILL three times at random points while it
 * works through an imported breach file, restarted each time as a supervisor would: every output topic
 * ends with exactly the generator's counts and no mailbox is accepted twice.
 */
class IntakeKillTest {

    private static final int MAILBOXES = 100_000;
    private static final int KILLS = 3;
    private static final Duration STALL = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private final Random random = new Random(17);

    @Test
    void anIntakeKilledThreeTimesEndsWithExactlyTheGeneratorsCounts() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(dir.resolve("kafka")).build().start();
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.builder(broker.bootstrapServers()).build().start()) {
            Path file = dir.resolve("breach.csv.gz");
            assertThat(new CommandLine(new GenerateCommand()).execute("--mailboxes", String.valueOf(MAILBOXES),
                    "--seed", "9", "--dirty-share", "0.1", "--out", file.toString())).isZero();
            ExpectedCounts expected = ExpectedCounts.read(ExpectedCounts.sidecarOf(file));
            Path config = writeConfig(broker, registry);
            assertThat(ResetFlowCli.commandLine().execute("topics", "create", "--config", config.toString())).isZero();
            assertThat(ResetFlowCli.commandLine().execute("import", "--config", config.toString(), "--file",
                    file.toString(), "--import-id", "kill-test")).isZero();
            TopicNames names = TopicNames.DEFAULT;

            // Given an intake killed three times while it works through the rows
            List<String> kills = new ArrayList<>();
            for (int k = 0; k < KILLS; k++) {
                long before = accepted(broker, names);
                long killAt = before + 1 + (long) (random.nextDouble() * (expected.accepted() - before) / 2);
                long started = System.nanoTime();
                Process intake = CliProcess.start(dir, "intake-" + k, "768m", "run", "intake", "--config",
                        config.toString());
                awaitAccepted(broker, names, Math.min(killAt, expected.accepted()));
                kill(intake);
                kills.add("at %,d of %,d accepted, %.1f s after its start".formatted(accepted(broker, names),
                        expected.accepted(), (System.nanoTime() - started) / 1e9));
            }

            // When it is started a last time and works through the rest
            Process intake = CliProcess.start(dir, "intake-last", "768m", "run", "intake", "--config", config.toString());
            try {
                awaitAccepted(broker, names, expected.accepted());
                try (Admin admin = broker.createAdmin()) {
                    await().atMost(STALL).until(() -> CaughtUp.group(admin, IntakeConfig.DEFAULT_APPLICATION_ID));
                }
            } finally {
                kill(intake);
            }

            // Then every output holds exactly what the generator promised, each mailbox accepted once
            Map<String, Long> wanted = new LinkedHashMap<>();
            wanted.put(names.remediationIntake(), expected.accepted());
            wanted.put(names.breachRejected(), expected.rejected());
            expected.acceptedPerTenant().forEach((tenant, count) -> wanted.put(names.tenantAffectedAccounts(tenant), count));
            assertThat(TopicCounts.of(broker.bootstrapServers(), wanted.keySet(), STALL)).isEqualTo(wanted);
            assertThat(distinctKeys(broker, names.remediationIntake())).isEqualTo(expected.accepted());
            System.out.printf("intake killed %d times (%s): %,d rows, %,d accepted once each, %,d rejected, 0 lost, "
                    + "0 duplicated%n", kills.size(), String.join("; ", kills), expected.rowsSent(), expected.accepted(),
                    expected.rejected());
        }
    }

    private static long accepted(EmbeddedKafkaBroker broker, TopicNames names) {
        return TopicCounts.of(broker.bootstrapServers(), List.of(names.remediationIntake()), STALL)
                .get(names.remediationIntake());
    }

    private static void awaitAccepted(EmbeddedKafkaBroker broker, TopicNames names, long target) {
        await().atMost(STALL).until(() -> accepted(broker, names) >= target);
    }

    private static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private static long distinctKeys(EmbeddedKafkaBroker broker, String topic) {
        Set<String> keys = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    keys.add(record.key());
                }
            }
        }
        return keys.size();
    }

    private Path writeConfig(EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registry) throws IOException {
        Properties properties = new Properties();
        properties.setProperty(CommonConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
        properties.setProperty(CommonConfig.SCHEMA_REGISTRY_URL, registry.url());
        properties.setProperty(CommonConfig.MAILBOX_ID_SECRET, "intake-kill-test-secret-0123456789abcdefghij");
        properties.setProperty(CommonConfig.TOPIC_PARTITIONS, "2");
        properties.setProperty(CommonConfig.STATE_DIR, dir.resolve("intake-state").toString());
        properties.setProperty(CommonConfig.HTTP_PORT, "0");
        properties.setProperty(CommonConfig.HTTP_TOKENS, ApiTokens.line(Caller.operations("ops"),
                "intake-kill-test-token-0123456789abcdef"));
        // A killed member leaves no LeaveGroup: its partitions move once its session times out.
        properties.setProperty("kafka.session.timeout.ms", "6000");
        properties.setProperty("kafka.heartbeat.interval.ms", "1000");
        Path file = dir.resolve("intake.properties");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, null);
        }
        return file;
    }
}
