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
 * The import writes rows without a key (it does not hold the mailbox-id secret); intake keys each
 * valid row by its mailbox id and repartitions on it, so every occurrence of a mailbox meets the
 * same de-duplication store whatever partition the row arrived on.
 */
public final class IntakeTopology {

    static final String BY_MAILBOX = "intake-by-mailbox";

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
        KStream<String, BreachRow> valid = validated(rows, new BreachRowValidator(tenants, mailboxIds), topics);
        KStream<String, AcceptedMailbox> accepted = deduplicated(valid, topics, duplicates);
        KStream<String, ClassifiedMailbox> classified =
                accepted.mapValues(ClassifiedMailbox::of, Named.as("classify"));
        routedToTenants(classified, topics);
        handedToTracker(classified, topics);
        return builder.build();
    }

    /** Valid rows, normalized and keyed by mailbox id; the rest go to the rejected topic. */
    static KStream<String, BreachRow> validated(KStream<String, BreachRow> rows, BreachRowValidator validator,
                                                IntakeTopics topics) {
        Map<String, KStream<String, RowVerdict>> verdicts = rows
                .processValues(new Validation(validator), Named.as("validate"))
                .split(Named.as("verdict-"))
                .branch((key, verdict) -> verdict instanceof RowVerdict.Invalid, Branched.as("invalid"))
                .defaultBranch(Branched.as("valid"));
        verdicts.get("verdict-invalid")
                .mapValues(verdict -> ((RowVerdict.Invalid) verdict).rejected(), Named.as("rejection"))
                .to(topics.rejected().name(), topics.rejected().produced().withName("to-rejected"));
        return verdicts.get("verdict-valid").map((key, verdict) -> {
            RowVerdict.Valid valid = (RowVerdict.Valid) verdict;
            return KeyValue.pair(valid.mailboxId(), valid.normalized());
        }, Named.as("key-by-mailbox"));
    }

    /** The first occurrence of each mailbox; later ones are counted per tenant and go no further. */
    static KStream<String, AcceptedMailbox> deduplicated(KStream<String, BreachRow> valid, IntakeTopics topics,
                                                         DuplicateCounter duplicates) {
        return valid
                .repartition(Repartitioned.<String, BreachRow>as(BY_MAILBOX)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(topics.breachRows().valueSerde()))
                .process(new Deduplication(duplicates), Named.as("deduplicate"));
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
