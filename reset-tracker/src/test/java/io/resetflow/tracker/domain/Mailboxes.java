package io.resetflow.tracker.domain;

import io.resetflow.avro.AccountLifecycle;
import io.resetflow.avro.CredentialStorage;
import io.resetflow.avro.DeliveryStatus;
import io.resetflow.avro.IntakeRecord;
import io.resetflow.avro.NoticeKind;
import io.resetflow.avro.Priority;
import io.resetflow.avro.RecipientChannel;
import io.resetflow.avro.RemediationState;
import io.resetflow.tracker.domain.RemediationEvent.DeadlineReached;
import io.resetflow.tracker.domain.RemediationEvent.DeliveryReported;
import io.resetflow.tracker.domain.RemediationEvent.ForceResetIssued;
import io.resetflow.tracker.domain.RemediationEvent.LockIssued;
import io.resetflow.tracker.domain.RemediationEvent.NoticeIssued;
import java.time.Duration;
import java.time.Instant;

/** Mailboxes brought into each state by the events that lead there. */
public final class Mailboxes {

    public static final Instant T0 = Instant.parse("2025-06-02T01:00:00Z"); // 10:00 in Tokyo, a Monday

    private Mailboxes() {
    }

    public static IntakeRecord intake(String mailboxId, AccountLifecycle lifecycle, Priority priority) {
        return IntakeRecord.newBuilder().setMailboxId(mailboxId).setTenant("nifty").setBrand("@nifty Mail")
                .setAddress(mailboxId + "@nifty.com").setContactAddress(null).setLifecycle(lifecycle)
                .setCredentialStorage(CredentialStorage.PLAINTEXT).setPriority(priority).setAcceptedAt(T0).build();
    }

    public static MailboxRemediation affected() {
        return MailboxRemediation.accept(intake("mbx-1", AccountLifecycle.ACTIVE, Priority.URGENT), false, T0).after();
    }

    public static MailboxRemediation former() {
        return MailboxRemediation.accept(intake("mbx-2", AccountLifecycle.FORMER, Priority.LOCK), false, T0).after();
    }

    public static MailboxRemediation noticeIssued() {
        return affected().apply(new NoticeIssued(NoticeKind.INITIAL_NOTICE, 0, T0, T0.plus(Duration.ofDays(14))))
                .after();
    }

    public static MailboxRemediation notified() {
        return noticeIssued().apply(sent(NoticeKind.INITIAL_NOTICE, 0, hours(1))).after();
    }

    public static MailboxRemediation reminded() {
        return notified().apply(new NoticeIssued(NoticeKind.REMINDER, 1, at(Duration.ofDays(3)), null)).after()
                .apply(sent(NoticeKind.REMINDER, 1, at(Duration.ofDays(3)))).after();
    }

    public static MailboxRemediation undeliverable() {
        return noticeIssued().apply(outcome(NoticeKind.INITIAL_NOTICE, 0, DeliveryStatus.BOUNCED, hours(1))).after();
    }

    public static MailboxRemediation deadlinePassed() {
        return reminded().apply(new DeadlineReached(at(Duration.ofDays(14)))).after();
    }

    public static MailboxRemediation forceResetRequested() {
        return deadlinePassed().apply(new ForceResetIssued(at(Duration.ofDays(14)), at(Duration.ofDays(14)).plus(Duration.ofDays(2)))).after();
    }

    public static MailboxRemediation lockRequested() {
        return former().apply(new LockIssued(T0, T0.plus(Duration.ofDays(2)))).after();
    }

    public static MailboxRemediation in(RemediationState state) {
        return switch (state) {
            case AFFECTED -> noticeIssued();
            case NOTIFIED -> notified();
            case REMINDED -> reminded();
            case UNDELIVERABLE -> undeliverable();
            case DEADLINE_PASSED -> deadlinePassed();
            case FORCE_RESET_REQUESTED -> forceResetRequested();
            case LOCK_REQUESTED -> lockRequested();
            case RESET_COMPLETED -> notified().apply(reset(io.resetflow.avro.ResetActor.CUSTOMER)).after();
            case LOCKED -> lockRequested().apply(reset(io.resetflow.avro.ResetActor.LOCKED)).after();
            case ESCALATED -> forceResetRequested().apply(new RemediationEvent.CommandExhausted(at(Duration.ofDays(20))))
                    .after();
        };
    }

    public static RemediationEvent.PasswordChanged reset(io.resetflow.avro.ResetActor actor) {
        return new RemediationEvent.PasswordChanged(actor, at(Duration.ofDays(5)));
    }

    public static DeliveryReported sent(NoticeKind kind, int sequence, Instant at) {
        return outcome(kind, sequence, DeliveryStatus.SENT, at);
    }

    public static DeliveryReported outcome(NoticeKind kind, int sequence, DeliveryStatus status, Instant at) {
        return new DeliveryReported(kind, sequence, status, RecipientChannel.MAILBOX, at);
    }

    public static Instant hours(int hours) {
        return T0.plus(Duration.ofHours(hours));
    }

    public static Instant at(Duration sinceStart) {
        return T0.plus(sinceStart);
    }
}
