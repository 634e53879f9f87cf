package io.resetflow.bench.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.resetflow.avro.NotificationRequest;
import io.resetflow.cli.ResetFlowCli;
import io.resetflow.core.access.ServiceIds;
import io.resetflow.core.config.CommonConfig;
import io.resetflow.core.http.ApiTokens;
import io.resetflow.core.http.Caller;
import io.resetflow.core.identity.MailboxIds;
import io.resetflow.core.topic.TopicNames;
import io.resetflow.embedded.EmbeddedKafkaBroker;
import io.resetflow.embedded.registry.EmbeddedSchemaRegistry;
import io.resetflow.local.CaughtUp;
import io.resetflow.local.CliProcess;
import io.resetflow.serde.AvroSerdes;
import io.resetflow.tracker.config.TrackerConfig;
import io.resetflow.tracker.reconcile.ReconcileResult;
import io.resetflow.tracker.reconcile.ReconcileSettings;
import io.resetflow.tracker.reconcile.Reconciler;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code resetflow run tracker} as a process, killed with SIGKILL three times at random points of the
 * day the mailboxes come in and three times on the reminder day, restarted each time as a supervisor
 * would: every mailbox ends tracked once, every reset applied once, every initial notice and reminder
 * requested exactly once (exactly-once output across the kills), and reconciliation is clean.
 */
class TrackerKillTest {

    private static final long MAILBOXES = 60_000;
    private static final int KILLS_PER_DAY = 3;
    private static final String SECRET = "tracker-kill-test-secret-0123456789abcdefghij";
    private static final Duration STALL = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private final Random random = new Random(16);
    private final List<String> kills = new ArrayList<>();

    @Test
    void aTrackerKilledSixTimesEndsWithEveryMailboxOnceAndEveryNoticeRequestedOnce() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(dir.resolve("kafka")).build().start();
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.builder(broker.bootstrapServers()).build().start()) {
            Path tenantsFile = BenchTenants.write(dir, MAILBOXES);
            Instant intakeDay = CampaignDays.intakeDay(Instant.now());
            Instant reminderDay = intakeDay.plus(Duration.ofDays(3)).plus(Duration.ofHours(2));
            Path intakeConfig = writeConfig(broker, registry, tenantsFile, intakeDay, "intake-day");
            assertThat(ResetFlowCli.commandLine().execute("topics", "create", "--config", intakeConfig.toString()))
                    .isZero();
            TrackerConfig config = new TrackerConfig(settings(broker, registry, tenantsFile, intakeDay));
            TopicNames names = config.topicNames();
            SyntheticMailboxes generator = new SyntheticMailboxes(config.tenants(), new MailboxIds(SECRET), 0.4);
            InputProducer producer = new InputProducer(broker.bootstrapServers(), AvroSerdes.forRegistry(registry.url()),
                    names, generator);
            InputProducer.Intake intake = producer.intake(MAILBOXES, intakeDay);
            long initialNotices = intake.records() - intake.former();
            long allNotices = initialNotices + intake.awaitingReminder();
            List<String> statusTopics = config.tenants().ids().stream().map(names::tenantRemediationStatus).toList();
            List<String> requestTopics = config.tenants().ids().stream().map(names::notifyRequests).toList();

            try (OutputCounter counter = new OutputCounter(broker.bootstrapServers(), concat(statusTopics, requestTopics))) {
                LongSupplier statuses = counter.count(statusTopics);
                LongSupplier requests = counter.count(requestTopics);

                // Given the day the mailboxes come in, with the tracker killed three times while it tracks them
                runWithKills(intakeConfig, "intake-day", statuses, intake.records());
                Process tracker = tracker(intakeConfig, "intake-day-last");
                assertThat(Progress.await(statuses, intake.records(), STALL)).as("all tracked").isTrue();
                assertThat(Progress.await(requests, initialNotices, STALL)).as("all initial notices").isTrue();
                InputProducer.Resets resets = producer.resets(MAILBOXES, intakeDay.plus(Duration.ofHours(1)));
                long allStatuses = intake.records() + resets.events();
                assertThat(Progress.await(statuses, allStatuses, STALL)).as("all resets applied").isTrue();
                kill(tracker);

                // And the reminder day, the tracker killed three times while its timers fire
                Path reminderConfig = writeConfig(broker, registry, tenantsFile, reminderDay, "reminder-day");
                runWithKills(reminderConfig, "reminder-day", requests, allNotices);
                tracker = tracker(reminderConfig, "reminder-day-last");
                assertThat(Progress.await(requests, allNotices, STALL)).as("all reminders").isTrue();

                // Then nothing was emitted twice: exactly one status per mailbox, one request per notice
                try (Admin admin = broker.createAdmin()) {
                    await().atMost(STALL).until(() -> CaughtUp.group(admin, config.applicationId()));
                }
                kill(tracker);
                assertThat(statuses.getAsLong()).isEqualTo(allStatuses);
                assertThat(requests.getAsLong()).isEqualTo(allNotices);
            }
            Map<String, Long> perNotification = notificationIds(broker, registry, requestTopics);
            assertThat(perNotification.values()).containsOnly(1L);
            assertThat(kinds(perNotification)).containsExactly(
                    Map.entry("initial-notice.0", initialNotices), Map.entry("reminder.1", intake.awaitingReminder()));

            // And the reconciliation finds every mailbox in one state and every counter equal to a recount
            ReconcileResult reconciled = new Reconciler(new ReconcileSettings(names, config.tenants(), SECRET,
                    Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), registry.url(),
                    ServiceIds.DEFAULT.withTrackerApplication(config.applicationId()), dir.resolve("reconcile"),
                    Duration.ofSeconds(30), Duration.ofHours(24), 20, false)).run();
            assertThat(reconciled.mismatchCount()).as("reconcile mismatches").isZero();
            assertThat(reconciled.mailboxes()).isEqualTo(MAILBOXES);
            System.out.printf("tracker killed %d times (%s): %,d mailboxes accepted, %,d tracked once, 0 lost, "
                            + "0 duplicated; %,d notices requested once each (%s); reconcile clean%n", kills.size(),
                    String.join("; ", kills), MAILBOXES, MAILBOXES, perNotification.size(), kinds(perNotification));
        }
    }

    /** Starts the tracker and kills it at three random points before {@code target} outputs; restarts between. */
    private void runWithKills(Path config, String day, LongSupplier outputs, long target) throws Exception {
        for (int k = 0; k < KILLS_PER_DAY; k++) {
            long before = outputs.getAsLong();
            long killAt = before + 1 + (long) (random.nextDouble() * Math.max(1, (target - before) / 2));
            long started = System.nanoTime();
            Process tracker = tracker(config, day + "-" + k);
            boolean reached = Progress.await(outputs, Math.min(killAt, target), STALL);
            assertThat(reached).as("the tracker makes progress after restart %d on the %s", k, day).isTrue();
            double secondsToProgress = (System.nanoTime() - started) / 1e9;
            kill(tracker);
            kills.add("%s at %,d of %,d outputs, %.1f s after its start".formatted(day, outputs.getAsLong(), target,
                    secondsToProgress));
        }
    }

    private Process tracker(Path config, String name) throws IOException {
        return CliProcess.start(dir, name, "768m", "run", "tracker", "--config", config.toString());
    }

    private static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private Path writeConfig(EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registry, Path tenantsFile,
                             Instant campaignNow, String name) throws IOException {
        Properties properties = new Properties();
        settings(broker, registry, tenantsFile, campaignNow).forEach((key, value) -> properties.setProperty(key,
                String.valueOf(value)));
        Path file = dir.resolve(name + ".properties");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, null);
        }
        return file;
    }

    private Map<String, Object> settings(EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registry, Path tenantsFile,
                                         Instant campaignNow) {
        Map<String, Object> values = new HashMap<>();
        values.put(CommonConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
        values.put(CommonConfig.SCHEMA_REGISTRY_URL, registry.url());
        values.put(CommonConfig.TENANTS_FILE, tenantsFile.toString());
        values.put(CommonConfig.MAILBOX_ID_SECRET, SECRET);
        values.put(CommonConfig.TOPIC_PARTITIONS, 2);
        values.put(CommonConfig.STATE_DIR, dir.resolve("tracker-state").toString());
        values.put(CommonConfig.HTTP_PORT, 0);
        values.put(CommonConfig.HTTP_TOKENS, ApiTokens.line(Caller.operations("ops"), "tracker-kill-test-token-0123456789"));
        // A killed member leaves no LeaveGroup: its partitions move once its session times out.
        values.put("kafka.session.timeout.ms", 6_000);
        values.put("kafka.heartbeat.interval.ms", 1_000);
        values.put(TrackerConfig.BREACH_CUTOFF, "2025-05-30T00:00:00Z");
        values.put(TrackerConfig.CLOCK_SPEED, CampaignDays.SPEED);
        values.put(TrackerConfig.CAMPAIGN_START, CampaignDays.startFor(campaignNow, Instant.now()).toString());
        return values;
    }

    /** Every committed notice request, counted per notification id. */
    private static Map<String, Long> notificationIds(EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registry,
                                                     List<String> topics) {
        Map<String, Long> counts = new HashMap<>();
        try (KafkaConsumer<String, NotificationRequest> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                AvroSerdes.forRegistry(registry.url()).value(NotificationRequest.class).deserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            topics.forEach(topic -> consumer.partitionsFor(topic)
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, NotificationRequest> record : consumer.poll(Duration.ofMillis(200))) {
                    counts.merge(record.value().getNotificationId(), 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    /** Requests per kind and step: a notification id is {@code <mailboxId>.<kind>.<sequence>}. */
    private static Map<String, Long> kinds(Map<String, Long> perNotification) {
        Map<String, Long> kinds = new java.util.TreeMap<>();
        perNotification.forEach((id, n) -> kinds.merge(id.substring(id.indexOf('.') + 1), n, Long::sum));
        return kinds;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
