package io.resetflow.tracker.domain;

import io.resetflow.avro.DeliveryStatus;
import io.resetflow.avro.NoticeKind;
import io.resetflow.avro.RecipientChannel;
import io.resetflow.avro.ResetActor;
import java.time.Instant;

/** Everything that can happen to a mailbox after it entered remediation. */
public sealed interface RemediationEvent {

    Instant at();

    /** The tracker asked the notifier to send a notice; the initial notice fixes the deadline. */
    record NoticeIssued(NoticeKind kind, int sequence, Instant at, Instant deadlineAt) implements RemediationEvent {
    }

    /** The notifier's final (or deferred) outcome of one notice. */
    record DeliveryReported(NoticeKind kind, int sequence, DeliveryStatus status, RecipientChannel channel,
                            Instant at) implements RemediationEvent {
    }

    /** The ISP reports a password change or account closure, dated when it happened at the ISP. */
    record PasswordChanged(ResetActor actor, Instant at) implements RemediationEvent {
    }

    record DeadlineReached(Instant at) implements RemediationEvent {
    }

    record ForceResetIssued(Instant at) implements RemediationEvent {
    }

    record LockIssued(Instant at) implements RemediationEvent {
    }
}
