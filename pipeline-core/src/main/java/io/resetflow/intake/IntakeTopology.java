package io.resetflow.intake;

import io.resetflow.avro.BreachRow;
import io.resetflow.core.identity.MailboxIds;
import io.resetflow.core.tenant.Tenants;
import io.resetflow.serde.AvroSerdes;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * breach.affected-accounts -> validate/normalize -> de-duplicate by mailbox -> classify ->
 * isp.&lt;tenant&gt;.affected-accounts, remediation.intake, breach.affected-accounts.rejected.
 * <p>
 * De-duplication needs every occurrence of a mailbox on one partition. The import keys each row by
 * the partition key of its normalized address ({@link io.resetflow.core.identity.PartitionKeys}),
 * so rows arrive where they belong and go straight on; a row without that key (another producer)
 * takes one trip through a repartition topic on the same key into the same processor, so the first
 * occurrence wins whoever wrote the rows.
 */
public final class IntakeTopology {

    static final String BY_PARTITION_KEY = "intake-by-partition-key";

    private IntakeTopology() {
    }

    public static Topology build(IntakeConfig config, AvroSerdes serdes, DuplicateCounter duplicates) {
        return build(config.tenants(), new MailboxIds(config.mailboxIdSecret()),
                IntakeTopics.of(config.topicNames(), serdes), duplicates);
    }

    public static Topology build(Tenants tenants, MailboxIds mailboxIds, IntakeTopics topics,
                                 DuplicateCounter duplicates) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, BreachRow> rows = builder.stream(topics.breachRows().name(),
                Consumed.with(Serdes.String(), topics.breachRows().valueSerde()).withName("breach-rows"));
        KStream<String, RowVerdict.Valid> valid = validated(rows, new BreachRowValidator(tenants, mailboxIds, duplicates::unknownBrand),
                topics);
        KStream<String, AcceptedMailbox> accepted =
                deduplicated(onPartitionOfTheirKey(valid, mailboxIds, topics), duplicates);
        KStream<String, ClassifiedMailbox> classified =
                accepted.mapValues(ClassifiedMailbox::of, Named.as("classify"));
        routedToTenants(classified, topics);
        handedToTracker(classified, topics);
        return builder.build();
    }

    /** Valid rows, normalized, with mailbox id and partition key; the rest go to the rejected topic. */
    static KStream<String, RowVerdict.Valid> validated(KStream<String, BreachRow> rows, BreachRowValidator validator,
                                                       IntakeTopics topics) {
        Map<String, KStream<String, RowVerdict>> verdicts = rows
                .processValues(new Validation(validator), Named.as("validate"))
                .split(Named.as("verdict-"))
                .branch((key, verdict) -> verdict instanceof RowVerdict.Invalid, Branched.as("invalid"))
                .defaultBranch(Branched.as("valid"));
        verdicts.get("verdict-invalid")
                .mapValues(verdict -> ((RowVerdict.Invalid) verdict).rejected(), Named.as("rejection"))
                .to(topics.rejected().name(), topics.rejected().produced().withName("to-rejected"));
        return verdicts.get("verdict-valid").mapValues(verdict -> (RowVerdict.Valid) verdict, Named.as("valid-row"));
    }

    /**
     * Valid rows keyed by partition key, each read from the partition of that key: as they came when
     * the producer keyed them so, through the repartition topic otherwise.
     */
    static KStream<String, RowVerdict.Valid> onPartitionOfTheirKey(KStream<String, RowVerdict.Valid> valid,
                                                                   MailboxIds mailboxIds, IntakeTopics topics) {
        Map<String, KStream<String, RowVerdict.Valid>> byKey = valid
                .split(Named.as("partition-key-"))
                .branch((key, row) -> row.partitionKey().equals(key), Branched.as("given"))
                .defaultBranch(Branched.as("missing"));
        KStream<String, RowVerdict.Valid> repartitioned = byKey.get("partition-key-missing")
                .map((key, row) -> KeyValue.pair(row.partitionKey(), row.normalized()), Named.as("key-by-partition-key"))
                .repartition(Repartitioned.<String, BreachRow>as(BY_PARTITION_KEY)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(topics.breachRows().valueSerde()))
                .mapValues((partitionKey, row) -> new RowVerdict.Valid(mailboxIds.of(row.getAddress()), partitionKey, row),
                        Named.as("repartitioned-row"));
        return byKey.get("partition-key-given").merge(repartitioned, Named.as("rows-on-their-partition"));
    }

    /** The first occurrence of each mailbox, keyed by mailbox id; later ones are counted per tenant and go no further. */
    static KStream<String, AcceptedMailbox> deduplicated(KStream<String, RowVerdict.Valid> onTheirPartition,
                                                         DuplicateCounter duplicates) {
        return onTheirPartition.process(new Deduplication(duplicates), Named.as("deduplicate"));
    }

    /** Each ISP's own view, on its own topic, keyed by mailbox id. */
    static void routedToTenants(KStream<String, ClassifiedMailbox> classified, IntakeTopics topics) {
        classified.mapValues(ClassifiedMailbox::ispView, Named.as("isp-view"))
                .to(new TenantTopicRouter(topics.names()),
                        Produced.with(Serdes.String(), topics.affectedAccountSerde()).withName("to-tenant-topics"));
    }

    /** Exactly one intake record per accepted mailbox, for the reset tracker. */
    static void handedToTracker(KStream<String, ClassifiedMailbox> classified, IntakeTopics topics) {
        classified.mapValues(ClassifiedMailbox::intake, Named.as("intake-view"))
                .to(topics.intake().name(), topics.intake().produced().withName("to-remediation-intake"));
    }
}
