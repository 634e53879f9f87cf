package io.resetflow.tracker.topology;

import io.resetflow.avro.AccountLifecycle;
import io.resetflow.avro.CommandAnswerKind;
import io.resetflow.avro.CommandRefusal;
import io.resetflow.avro.CredentialStorage;
import io.resetflow.avro.DeliveryOutcome;
import io.resetflow.avro.DeliveryStatus;
import io.resetflow.avro.IntakeRecord;
import io.resetflow.avro.IspCommand;
import io.resetflow.avro.IspCommandAnswer;
import io.resetflow.avro.NotificationRequest;
import io.resetflow.avro.PasswordResetEvent;
import io.resetflow.avro.Priority;
import io.resetflow.avro.RecipientChannel;
import io.resetflow.avro.RedriveRequest;
import io.resetflow.avro.RejectedRow;
import io.resetflow.avro.RemediationStatus;
import io.resetflow.avro.ResetActor;
import io.resetflow.avro.TenantProgress;
import io.resetflow.core.streams.StreamsSettings;
import io.resetflow.core.topic.TopicSpec;
import io.resetflow.registry.InMemorySchemaRegistryClient;
import io.resetflow.serde.AvroSerdes;
import io.resetflow.serde.AvroSerializer;
import io.resetflow.tracker.config.TrackerConfig;
import io.resetflow.tracker.metrics.TrackerMetrics;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;

/** The tracker topology in a TopologyTestDriver with its topics, started at a fixed instant. */
public final class TrackerDriver implements AutoCloseable {

    /** Monday 2 June 2025, 10:00 in Tokyo. */
    public static final Instant START = Instant.parse("2025-06-02T01:00:00Z");
    public static final Instant CUTOFF = Instant.parse("2025-05-30T00:00:00Z");
    public static final String SECRET = "tracker-test-secret-0123456789abcdefgh";

    public final TopologyTestDriver driver;
    public final TrackerConfig config;
    public final TestInputTopic<String, IntakeRecord> intake;
    public final TestInputTopic<String, DeliveryOutcome> outcomes;
    /** Notification requests, one topic per tenant. */
    public final Map<String, TestOutputTopic<String, NotificationRequest>> notices = new java.util.LinkedHashMap<>();
    /** Every refusal, read across the tenants' rejected-events topics (and the shared one). */
    public final Rejected rejected;

    /** The refusals the tracker published, wherever each went. */
    public static final class Rejected {
        private final Map<String, TestOutputTopic<String, RejectedRow>> byTopic = new java.util.LinkedHashMap<>();

        public List<RejectedRow> readValuesToList() {
            List<RejectedRow> all = new java.util.ArrayList<>();
            byTopic.values().forEach(topic -> all.addAll(topic.readValuesToList()));
            return all;
        }

        public RejectedRow readValue() {
            return byTopic.values().stream().filter(topic -> !topic.isEmpty()).findFirst().orElseThrow().readValue();
        }

        public boolean isEmpty() {
            return byTopic.values().stream().allMatch(TestOutputTopic::isEmpty);
        }

        /** The refusals that went to one tenant's rejected-events topic. */
        public List<RejectedRow> of(String topic) {
            return byTopic.get(topic).readValuesToList();
        }
    }
    public final TestOutputTopic<String, TenantProgress> progress;
    private final TrackerTopics topics;

    public TrackerDriver(Path stateDir, Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>();
        values.put(TrackerConfig.TENANTS_FILE, tenantsFile());
        values.put(TrackerConfig.MAILBOX_ID_SECRET, SECRET);
        values.put(TrackerConfig.TOPIC_PARTITIONS, 1);
        values.put(TrackerConfig.BREACH_CUTOFF, CUTOFF.toString());
        values.put(TrackerConfig.STATE_DIR, stateDir.toString());
        values.put(TrackerConfig.CAMPAIGN_START, START.toString());
        values.putAll(overrides);
        config = new TrackerConfig(values, START);
        AvroSerdes serdes = new AvroSerdes(new InMemorySchemaRegistryClient(), Map.of());
        topics = new TrackerTopics(config.topicNames(), serdes);
        Properties props = StreamsSettings.of(config, config.applicationId());
        StreamsSettings.withDeadLetterSerializer(props, new AvroSerializer<>(serdes.registry()));
        driver = new TopologyTestDriver(TrackerTopology.build(config, serdes, TrackerMetrics.NONE), props, START);
        intake = input(topics.intake());
        outcomes = input(topics.outcomes());
        config.tenants().ids().forEach(tenant -> notices.put(tenant, output(topics.notifyRequests(tenant))));
        rejected = new Rejected();
        config.tenants().ids().forEach(tenant -> rejected.byTopic.put(topics.rejectedEvents(tenant).name(),
                output(topics.rejectedEvents(tenant))));
        rejected.byTopic.put(topics.resetsRejected().name(), output(topics.resetsRejected()));
        progress = output(topics.progress());
    }

    private static String tenantsFile() {
        try {
            return Path.of(TrackerDriver.class.getResource("/test-tenants.yaml").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public TestInputTopic<String, PasswordResetEvent> resets(String tenant) {
        return input(topics.passwordResets(tenant));
    }

    public TestOutputTopic<String, IspCommand> commands(String tenant) {
        return output(topics.forceResets(tenant));
    }

    public TestOutputTopic<String, RemediationStatus> statuses(String tenant) {
        return output(topics.remediationStatus(tenant));
    }

    /** The tenant's counter, summed over the tasks' stores (0 if absent). */
    public long counter(String tenant, String key) {
        KeyValueStore<String, Long> counts = driver.getKeyValueStore(TrackerStores.COUNTS);
        Long value = counts.get(tenant + "|" + key);
        return value == null ? 0 : value;
    }

    public KeyValueStore<String, TrackedMailbox> mailboxes() {
        return driver.getKeyValueStore(TrackerStores.MAILBOXES);
    }

    /** Campaign time now: the wall clock's elapsed time runs at the configured speed. */
    public Instant now() {
        return config.campaignClock().toCampaign(START.plus(elapsed).toEpochMilli());
    }

    private Duration elapsed = Duration.ZERO;

    public void advance(Duration duration) {
        elapsed = elapsed.plus(duration);
        driver.advanceWallClockTime(duration);
    }

    /** Advances in steps, so every timer between now and then fires at (about) its own time. */
    public void advanceInSteps(Duration duration, Duration step) {
        for (Duration done = Duration.ZERO; done.compareTo(duration) < 0; done = done.plus(step)) {
            advance(step);
        }
    }

    public void accept(String mailboxId, String tenant, AccountLifecycle lifecycle, Priority priority) {
        intake.pipeInput(mailboxId, IntakeRecord.newBuilder().setMailboxId(mailboxId).setTenant(tenant).setBrand(null)
                .setAddress(mailboxId.toLowerCase() + "@" + domain(tenant)).setContactAddress(null)
                .setLifecycle(lifecycle).setCredentialStorage(CredentialStorage.PLAINTEXT).setPriority(priority)
                .setAcceptedAt(now()).build(), now());
    }

    public void accept(String mailboxId) {
        accept(mailboxId, "nifty", AccountLifecycle.ACTIVE, Priority.URGENT);
    }

    public void delivered(NotificationRequest request, DeliveryStatus status) {
        outcomes.pipeInput(request.getMailboxId(), DeliveryOutcome.newBuilder()
                .setNotificationId(request.getNotificationId()).setMailboxId(request.getMailboxId())
                .setTenant(request.getTenant()).setKind(request.getKind()).setStatus(status)
                .setChannel(RecipientChannel.MAILBOX).setHadContactAddress(false).setAttempt(1)
                .setMessageId("<" + request.getNotificationId() + "@test>").setOccurredAt(now()).build(), now());
    }

    public void reset(String tenant, String mailboxId, ResetActor actor, Instant changedAt) {
        resets(tenant).pipeInput("k", PasswordResetEvent.newBuilder().setEventId("ev-" + mailboxId + "-" + actor)
                .setTenant(tenant).setMailboxId(mailboxId).setChangedAt(changedAt).setActor(actor).build(), now());
    }

    /** An operator's re-drive, as the command line writes it: one copy keyed by tenant (one partition here). */
    public void redrive(RedriveRequest request) {
        input(topics.redrives()).pipeInput(request.getTenant(), request, now());
    }

    /** The ISP answers a command on the given tenant's answers topic (the ISP's own key: its command id). */
    public void answer(String topicTenant, IspCommandAnswer answer) {
        input(topics.commandAnswers(topicTenant)).pipeInput(answer.getCommandId(), answer, now());
    }

    public void answer(String tenant, IspCommand command, CommandAnswerKind kind, CommandRefusal refusal, String by) {
        answer(tenant, IspCommandAnswer.newBuilder().setCommandId(command.getCommandId())
                .setMailboxId(command.getMailboxId()).setTenant(tenant).setAnswer(kind).setRefusal(refusal)
                .setAnsweredBy(by).setAnsweredAt(now()).build());
    }

    public List<NotificationRequest> drainNotices() {
        List<NotificationRequest> all = new java.util.ArrayList<>();
        notices.values().forEach(topic -> all.addAll(topic.readValuesToList()));
        return all;
    }

    public static String domain(String tenant) {
        return switch (tenant) {
            case "nifty" -> "nifty.com";
            case "island" -> "island.example.net";
            case "tight" -> "tight.example.jp";
            default -> "capped.example.jp";
        };
    }

    private <K, V> TestInputTopic<K, V> input(TopicSpec<K, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private <K, V> TestOutputTopic<K, V> output(TopicSpec<K, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(),
                topic.valueSerde().deserializer());
    }

    @Override
    public void close() {
        driver.close();
    }
}
