package io.resetflow.intake;

import io.resetflow.avro.AffectedAccount;
import io.resetflow.avro.BreachRow;
import io.resetflow.avro.IntakeRecord;
import io.resetflow.avro.RejectedRow;
import io.resetflow.core.topic.TopicNames;
import io.resetflow.core.topic.TopicSpec;
import io.resetflow.serde.AvroSerdes;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** The topics intake reads and writes, with their serdes; input keys are partition keys, output keys mailbox ids. */
public record IntakeTopics(TopicNames names,
                           TopicSpec<String, BreachRow> breachRows,
                           TopicSpec<String, RejectedRow> rejected,
                           TopicSpec<String, IntakeRecord> intake,
                           Serde<AffectedAccount> affectedAccountSerde) {

    public static IntakeTopics of(TopicNames names, AvroSerdes serdes) {
        Serde<String> keys = Serdes.String();
        return new IntakeTopics(names,
                new TopicSpec<>(names.breachAffectedAccounts(), keys, serdes.value(BreachRow.class)),
                new TopicSpec<>(names.breachRejected(), keys, serdes.value(RejectedRow.class)),
                new TopicSpec<>(names.remediationIntake(), keys, serdes.value(IntakeRecord.class)),
                serdes.value(AffectedAccount.class));
    }

    public TopicSpec<String, AffectedAccount> tenantAffectedAccounts(String tenant) {
        return new TopicSpec<>(names.tenantAffectedAccounts(tenant), Serdes.String(), affectedAccountSerde);
    }
}
