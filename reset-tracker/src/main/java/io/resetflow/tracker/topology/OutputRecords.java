package io.resetflow.tracker.topology;

import io.resetflow.avro.IspAction;
import io.resetflow.avro.IspCommand;
import io.resetflow.avro.NoticeKind;
import io.resetflow.avro.NotificationRequest;
import io.resetflow.avro.PasswordResetEvent;
import io.resetflow.avro.RejectReason;
import io.resetflow.avro.RejectedRow;
import io.resetflow.avro.RemediationStatus;
import io.resetflow.avro.SourceReference;
import io.resetflow.avro.StateReason;
import io.resetflow.tracker.domain.MailboxRemediation;
import io.resetflow.tracker.domain.NotificationIds;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** Builds the records the tracker publishes. */
public final class OutputRecords {

    private OutputRecords() {
    }

    public static NotificationRequest notice(MailboxRemediation m, NoticeKind kind, int sequence, String brand,
                                             Instant deadline, Instant now) {
        MailboxRemediation.Identity id = m.identity();
        return NotificationRequest.newBuilder()
                .setNotificationId(NotificationIds.of(id.mailboxId(), kind, sequence))
                .setMailboxId(id.mailboxId()).setTenant(id.tenant()).setBrand(brand).setKind(kind)
                .setSequence(sequence).setMailboxAddress(id.address()).setContactAddress(id.contactAddress())
                .setDeadline(deadline).setRequestedAt(now).build();
    }

    /** The command id names mailbox and action: a replayed deadline yields the same command. */
    public static IspCommand command(MailboxRemediation m, IspAction action, StateReason reason, Instant now) {
        MailboxRemediation.Identity id = m.identity();
        return IspCommand.newBuilder()
                .setCommandId(id.mailboxId() + "." + action.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .setMailboxId(id.mailboxId()).setTenant(id.tenant()).setAddress(id.address()).setAction(action)
                .setReason(reason).setIssuedAt(now).build();
    }

    /**
     * Whether the published status of a mailbox would differ between the two: what {@link #status}
     * takes from a mailbox, compared without building two records for every event and timer.
     */
    public static boolean statusChanged(MailboxRemediation before, MailboxRemediation after) {
        return before.state() != after.state() || before.reason() != after.reason()
                || before.remindersSent() != after.remindersSent()
                || !before.mailboxId().equals(after.mailboxId()) || !before.tenant().equals(after.tenant())
                || !Objects.equals(before.affectedAt(), after.affectedAt())
                || !Objects.equals(before.notifiedAt(), after.notifiedAt())
                || !Objects.equals(before.deadlineAt(), after.deadlineAt())
                || !Objects.equals(before.remediatedAt(), after.remediatedAt())
                || !Objects.equals(before.updatedAt(), after.updatedAt());
    }

    public static RemediationStatus status(MailboxRemediation m) {
        return RemediationStatus.newBuilder().setMailboxId(m.mailboxId()).setTenant(m.tenant()).setState(m.state())
                .setReason(m.reason()).setRemindersSent(m.remindersSent()).setAffectedAt(m.affectedAt())
                .setNotifiedAt(m.notifiedAt()).setDeadlineAt(m.deadlineAt()).setRemediatedAt(m.remediatedAt())
                .setUpdatedAt(m.updatedAt()).build();
    }

    /**
     * A rejected reset event. RejectedRow's source names the origin: the event's topic as "file",
     * line 0 (not from a file) and the ISP's event id as "importId".
     */
    public static RejectedRow rejectedReset(PasswordResetEvent event, String sourceTopic, RejectReason reason,
                                            String detail, Instant now) {
        return RejectedRow.newBuilder().setReason(reason).setDetail(detail)
                .setSource(SourceReference.newBuilder().setFile(sourceTopic).setLine(0)
                        .setImportId(event.getEventId()).build())
                .setTenant(event.getTenant()).setAddress(event.getAddress()).setRejectedAt(now).build();
    }
}
