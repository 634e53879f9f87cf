package io.resetflow.tracker.topology;

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
import io.resetflow.tracker.domain.OpenCommand;
import java.time.Instant;
import java.util.Objects;

/** Builds the records the tracker publishes. */
public final class OutputRecords {

    private OutputRecords() {
    }

    public static NotificationRequest notice(MailboxRemediation m, String notificationId, NoticeKind kind, int sequence,
                                             String brand, Instant deadline, Instant now) {
        MailboxRemediation.Identity id = m.identity();
        return NotificationRequest.newBuilder()
                .setNotificationId(notificationId)
                .setMailboxId(id.mailboxId()).setTenant(id.tenant()).setBrand(brand).setKind(kind)
                .setSequence(sequence).setMailboxAddress(id.address()).setContactAddress(id.contactAddress())
                .setDeadline(deadline).setRequestedAt(now).build();
    }

    /**
     * The command id names mailbox, action and attempt: a replayed timer yields the same command. It
     * carries what the ISP needs to act without a lookup: address, account id, brand, respond-by.
     */
    public static IspCommand command(MailboxRemediation m, OpenCommand command, String brand, Instant now) {
        MailboxRemediation.Identity id = m.identity();
        StateReason reason = switch (command.action()) {
            case LOCK_ACCOUNT -> StateReason.LOCKED_FORMER_ACCOUNT;
            case REACH_BY_OTHER_CHANNEL -> StateReason.BOUNCED;
            // Why the deadline found the mailbox open: reached it unremediated, or stuck undeliverable.
            case FORCE_PASSWORD_RESET -> m.reason();
        };
        return IspCommand.newBuilder()
                .setCommandId(command.commandId(id.mailboxId()))
                .setMailboxId(id.mailboxId()).setTenant(id.tenant()).setAddress(id.address()).setAction(command.action())
                .setReason(reason).setIssuedAt(now).setAttempt(command.attempt()).setRespondBy(command.respondBy())
                .setBrand(brand).setAccountId(id.accountId()).setCancelled(false).build();
    }

    /** Withdraws an open command the customer overtook: same command id, {@code cancelled} set. */
    public static IspCommand cancel(MailboxRemediation before, OpenCommand command, StateReason reason, Instant now) {
        MailboxRemediation.Identity id = before.identity();
        return IspCommand.newBuilder()
                .setCommandId(command.commandId(id.mailboxId()))
                .setMailboxId(id.mailboxId()).setTenant(id.tenant()).setAddress(id.address()).setAction(command.action())
                .setReason(reason).setIssuedAt(now).setAttempt(command.attempt()).setRespondBy(null)
                .setBrand(id.brand()).setAccountId(id.accountId()).setCancelled(true).build();
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
