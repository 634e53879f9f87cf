package io.resetflow.tracker.topology;

import io.resetflow.avro.IspCommand;
import io.resetflow.avro.IspCommandAnswer;
import io.resetflow.avro.NotificationRequest;
import io.resetflow.avro.PasswordResetEvent;
import io.resetflow.avro.RemediationStatus;
import io.resetflow.avro.TenantProgress;
import io.resetflow.core.identity.MailboxIds;
import io.resetflow.core.tenant.Tenants;
import io.resetflow.serde.AvroSerdes;
import io.resetflow.tracker.config.TrackerConfig;
import io.resetflow.tracker.domain.RemediationSchedule;
import io.resetflow.tracker.metrics.TrackerMetrics;
import io.resetflow.tracker.topology.ProgressAggregatorSupplier;
import io.resetflow.tracker.topology.ResetResolverSupplier.Accepted;
import io.resetflow.tracker.topology.ResetResolverSupplier.Refused;
import io.resetflow.tracker.topology.ResetResolverSupplier.Resolution;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The reset tracker: intake records, delivery outcomes and the ISPs' reset events drive one
 * state machine per mailbox; it emits notification requests, ISP commands, per-mailbox status and
 * per-tenant progress.
 */
public final class TrackerTopology {

    /**
     * Partial progress is a few records per task and second: one partition holds it all, so the
     * aggregator is one stateful task. With as many aggregator tasks as mailbox tasks, a restarted
     * instance gave one stream thread every mailbox task (Streams first hands each thread, up to its
     * share, the stateful tasks it finds on disk, in task-id order, and one thread finds them all),
     * leaving the other thread idle on a reminder day.
     */
    static final int PROGRESS_PARTITIONS = 1;
    private static final String PROGRESS_BY_TENANT = "tracker-progress-by-tenant";

    private TrackerTopology() {
    }

    /**
     * The repartition topics sized here rather than by the input (the description does not say), by
     * the name the topology's description gives them; a store fed by one has its partitions.
     */
    public static Map<String, Integer> sizedRepartitions() {
        return Map.of(PROGRESS_BY_TENANT + "-repartition", PROGRESS_PARTITIONS);
    }

    public static Topology build(TrackerConfig config, AvroSerdes serdes, TrackerMetrics metrics) {
        Tenants tenants = config.tenants();
        TrackerTopics topics = new TrackerTopics(config.topicNames(), serdes);
        TrackerStores stores = new TrackerStores(serdes);
        StreamsBuilder builder = new StreamsBuilder();

        KStream<String, TrackerInput> inputs = intake(builder, topics)
                .merge(outcomes(builder, topics), Named.as("tracker-merge-outcomes"))
                .merge(resolvedResets(builder, topics, config, tenants, metrics), Named.as("tracker-merge-resets"))
                .merge(checkedAnswers(builder, topics, config, tenants, metrics), Named.as("tracker-merge-answers"))
                .merge(redrives(builder, topics), Named.as("tracker-merge-redrives"));
        RemediationProcessor.Settings settings = new RemediationProcessor.Settings(tenants, config.topicNames(),
                config.campaignClock(), new RemediationSchedule(config.initialNoticePlan()), config.partitions(),
                config.unknownResetGrace(), config.timerInterval(), config.timerTickBound(), config.progressInterval(),
                metrics);
        KStream<String, TrackerOutput> outputs = inputs.process(new RemediationProcessorSupplier(settings, stores),
                Named.as("tracker-remediation"));
        routed(outputs, topics, stores, new ContactSeals(new MailboxIds(config.mailboxIdSecret())));
        builder.globalTable(topics.progress().name(),
                Consumed.with(Serdes.String(), topics.progress().valueSerde()).withName("tracker-progress-global-source"),
                Materialized.<String, TenantProgress, KeyValueStore<Bytes, byte[]>>as(TrackerStores.PROGRESS)
                        .withKeySerde(Serdes.String()).withValueSerde(topics.progress().valueSerde()));
        return builder.build();
    }

    private static KStream<String, TrackerInput> intake(StreamsBuilder builder, TrackerTopics topics) {
        return builder.stream(topics.intake().name(), topics.intake().consumed().withName("tracker-intake-source"))
                .mapValues(record -> (TrackerInput) new TrackerInput.Intake(record), Named.as("tracker-intake-input"));
    }

    private static KStream<String, TrackerInput> outcomes(StreamsBuilder builder, TrackerTopics topics) {
        return builder.stream(topics.outcomes().name(), topics.outcomes().consumed().withName("tracker-outcomes-source"))
                .mapValues(outcome -> (TrackerInput) new TrackerInput.Outcome(outcome), Named.as("tracker-outcome-input"));
    }

    /** ISP reset events, checked, keyed by mailbox and co-partitioned with the mailboxes; refusals go out. */
    private static KStream<String, TrackerInput> resolvedResets(StreamsBuilder builder, TrackerTopics topics,
                                                                TrackerConfig config, Tenants tenants,
                                                                TrackerMetrics metrics) {
        Map<String, String> tenantByTopic = new LinkedHashMap<>();
        tenants.ids().forEach(tenant -> tenantByTopic.put(topics.passwordResets(tenant).name(), tenant));
        var eventSerde = topics.serdes().value(PasswordResetEvent.class);
        ResetEventResolver resolver = new ResetEventResolver(tenants, new MailboxIds(config.mailboxIdSecret()),
                config.breachCutoff());
        Map<String, KStream<String, Resolution>> branches = builder
                .stream(tenantByTopic.keySet(), Consumed.with(Serdes.String(), eventSerde).withName("tracker-resets-source"))
                .process(new ResetResolverSupplier(resolver, tenantByTopic, config.topicNames(), metrics),
                        Named.as("tracker-reset-resolver"))
                .split(Named.as("tracker-reset-"))
                .branch((key, resolution) -> resolution instanceof Refused, Branched.as("refused"))
                .defaultBranch(Branched.as("accepted"));
        branches.get("tracker-reset-refused")
                .mapValues(resolution -> ((Refused) resolution).row(), Named.as("tracker-reset-refusal"))
                .to(new RejectedFeedTopics(topics.names()), topics.resetsRejected().produced()
                        .withName("tracker-reset-rejected-sink"));
        return branches.get("tracker-reset-accepted")
                .mapValues(resolution -> ((Accepted) resolution).event(), Named.as("tracker-reset-event"))
                .repartition(Repartitioned.with(Serdes.String(), eventSerde).withName("tracker-resets-by-mailbox")
                        .withNumberOfPartitions(config.partitions()))
                .mapValues(event -> (TrackerInput) new TrackerInput.Reset(event), Named.as("tracker-reset-input"));
    }

    /** Operations' re-drive requests: one copy per partition, so each task re-drives its own mailboxes. */
    private static KStream<String, TrackerInput> redrives(StreamsBuilder builder, TrackerTopics topics) {
        return builder.stream(topics.redrives().name(), topics.redrives().consumed().withName("tracker-redrives-source"))
                .mapValues(request -> (TrackerInput) new TrackerInput.Redrive(request), Named.as("tracker-redrive-input"));
    }

    /** ISP answers to commands, checked against the topic's tenant and co-partitioned with the mailboxes. */
    private static KStream<String, TrackerInput> checkedAnswers(StreamsBuilder builder, TrackerTopics topics,
                                                                TrackerConfig config, Tenants tenants,
                                                                TrackerMetrics metrics) {
        Map<String, String> tenantByTopic = new LinkedHashMap<>();
        tenants.ids().forEach(tenant -> tenantByTopic.put(topics.commandAnswers(tenant).name(), tenant));
        var answerSerde = topics.serdes().value(IspCommandAnswer.class);
        Map<String, KStream<String, AnswerResolverSupplier.Resolution>> branches = builder
                .stream(tenantByTopic.keySet(), Consumed.with(Serdes.String(), answerSerde)
                        .withName("tracker-answers-source"))
                .process(new AnswerResolverSupplier(tenantByTopic, metrics), Named.as("tracker-answer-check"))
                .split(Named.as("tracker-answer-"))
                .branch((key, resolution) -> resolution instanceof AnswerResolverSupplier.Refused, Branched.as("refused"))
                .defaultBranch(Branched.as("accepted"));
        branches.get("tracker-answer-refused")
                .mapValues(resolution -> ((AnswerResolverSupplier.Refused) resolution).row(),
                        Named.as("tracker-answer-refusal"))
                .to(new RejectedFeedTopics(topics.names()),
                        topics.resetsRejected().produced().withName("tracker-answer-rejected-sink"));
        return branches.get("tracker-answer-accepted")
                .mapValues(resolution -> ((AnswerResolverSupplier.Accepted) resolution).answer(),
                        Named.as("tracker-answer-value"))
                .repartition(Repartitioned.with(Serdes.String(), answerSerde).withName("tracker-answers-by-mailbox")
                        .withNumberOfPartitions(config.partitions()))
                .mapValues(answer -> (TrackerInput) new TrackerInput.Answer(answer), Named.as("tracker-answer-input"));
    }

    private static void routed(KStream<String, TrackerOutput> outputs, TrackerTopics topics, TrackerStores stores,
                               ContactSeals seals) {
        Map<String, KStream<String, TrackerOutput>> byKind = outputs.split(Named.as("tracker-out-"))
                .branch((k, v) -> v instanceof TrackerOutput.Notice, Branched.as("notice"))
                .branch((k, v) -> v instanceof TrackerOutput.Command, Branched.as("command"))
                .branch((k, v) -> v instanceof TrackerOutput.Status, Branched.as("status"))
                .branch((k, v) -> v instanceof TrackerOutput.Rejected, Branched.as("rejected"))
                .defaultBranch(Branched.as("progress"));
        byKind.get("tracker-out-notice")
                .mapValues(v -> ((TrackerOutput.Notice) v).request(), Named.as("tracker-notice-request"))
                .mapValues(seals, Named.as("tracker-notice-contact-seal"))
                .to((key, request, context) -> topics.names().notifyRequests(request.getTenant()),
                        Produced.with(Serdes.String(), topics.serdes().value(NotificationRequest.class))
                                .withName("tracker-notice-sink"));
        byKind.get("tracker-out-command")
                .mapValues(v -> ((TrackerOutput.Command) v).command(), Named.as("tracker-isp-command"))
                .to((key, command, context) -> topics.names().tenantForceResets(command.getTenant()),
                        Produced.with(Serdes.String(), topics.serdes().value(IspCommand.class))
                                .withName("tracker-force-reset-sink"));
        byKind.get("tracker-out-status")
                .mapValues(v -> ((TrackerOutput.Status) v).status(), Named.as("tracker-status-record"))
                .to((key, status, context) -> topics.names().tenantRemediationStatus(status.getTenant()),
                        Produced.with(Serdes.String(), topics.serdes().value(RemediationStatus.class))
                                .withName("tracker-status-sink"));
        byKind.get("tracker-out-rejected")
                .mapValues(v -> ((TrackerOutput.Rejected) v).row(), Named.as("tracker-rejected-row"))
                .to(new RejectedFeedTopics(topics.names()), topics.resetsRejected().produced()
                        .withName("tracker-rejected-sink"));
        byKind.get("tracker-out-progress")
                .mapValues(v -> ((TrackerOutput.PartialProgress) v).counts(), Named.as("tracker-partial-progress"))
                .repartition(Repartitioned.with(Serdes.String(), topics.progress().valueSerde())
                        .withName(PROGRESS_BY_TENANT).withNumberOfPartitions(PROGRESS_PARTITIONS)
                        .withStreamPartitioner(new TenantPartitioner<>()))
                .process(new ProgressAggregatorSupplier(stores), Named.as("tracker-progress-aggregator"))
                .to(topics.progress().name(), topics.progress().produced().withName("tracker-progress-sink"));
    }
}
