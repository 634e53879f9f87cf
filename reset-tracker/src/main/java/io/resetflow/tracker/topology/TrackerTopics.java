package io.resetflow.tracker.topology;

import io.resetflow.avro.DeliveryOutcome;
import io.resetflow.avro.IntakeRecord;
import io.resetflow.avro.IspCommand;
import io.resetflow.avro.IspCommandAnswer;
import io.resetflow.avro.NotificationRequest;
import io.resetflow.avro.PasswordResetEvent;
import io.resetflow.avro.RedriveRequest;
import io.resetflow.avro.RejectedRow;
import io.resetflow.avro.RemediationStatus;
import io.resetflow.avro.TenantProgress;
import io.resetflow.core.topic.TopicNames;
import io.resetflow.core.topic.TopicSpec;
import io.resetflow.serde.AvroSerdes;
import org.apache.kafka.common.serialization.Serdes;

/** The tracker's topics with their serdes; the topology and its tests use the same handles. */
public record TrackerTopics(TopicNames names, AvroSerdes serdes) {

    public TopicSpec<String, IntakeRecord> intake() {
        return new TopicSpec<>(names.remediationIntake(), Serdes.String(), serdes.value(IntakeRecord.class));
    }

    public TopicSpec<String, DeliveryOutcome> outcomes() {
        return new TopicSpec<>(names.notifyOutcomes(), Serdes.String(), serdes.value(DeliveryOutcome.class));
    }

    public TopicSpec<String, PasswordResetEvent> passwordResets(String tenant) {
        return new TopicSpec<>(names.tenantPasswordResets(tenant), Serdes.String(),
                serdes.value(PasswordResetEvent.class));
    }

    public TopicSpec<String, NotificationRequest> notifyRequests(String tenant) {
        return new TopicSpec<>(names.notifyRequests(tenant), Serdes.String(), serdes.value(NotificationRequest.class));
    }

    public TopicSpec<String, RedriveRequest> redrives() {
        return new TopicSpec<>(names.remediationRedrives(), Serdes.String(), serdes.value(RedriveRequest.class));
    }

    public TopicSpec<String, IspCommandAnswer> commandAnswers(String tenant) {
        return new TopicSpec<>(names.tenantCommandAnswers(tenant), Serdes.String(), serdes.value(IspCommandAnswer.class));
    }

    public TopicSpec<String, IspCommand> forceResets(String tenant) {
        return new TopicSpec<>(names.tenantForceResets(tenant), Serdes.String(), serdes.value(IspCommand.class));
    }

    public TopicSpec<String, RemediationStatus> remediationStatus(String tenant) {
        return new TopicSpec<>(names.tenantRemediationStatus(tenant), Serdes.String(),
                serdes.value(RemediationStatus.class));
    }

    public TopicSpec<String, TenantProgress> progress() {
        return new TopicSpec<>(names.remediationProgress(), Serdes.String(), serdes.value(TenantProgress.class));
    }

    public TopicSpec<String, RejectedRow> rejectedEvents(String tenant) {
        return new TopicSpec<>(names.tenantRejectedEvents(tenant), Serdes.String(), serdes.value(RejectedRow.class));
    }

    public TopicSpec<String, RejectedRow> resetsRejected() {
        return new TopicSpec<>(names.resetsRejected(), Serdes.String(), serdes.value(RejectedRow.class));
    }
}
