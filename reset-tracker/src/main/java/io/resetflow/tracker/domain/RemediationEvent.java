package io.resetflow.tracker.domain;

import io.resetflow.avro.CommandAnswerKind;
import io.resetflow.avro.CommandRefusal;
import io.resetflow.avro.DeliveryStatus;
import io.resetflow.avro.NoticeKind;
import io.resetflow.avro.RecipientChannel;
import io.resetflow.avro.ResetActor;
import io.resetflow.avro.StateReason;
import java.time.Instant;
import java.util.Set;

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

    /** The ISP was told to force a reset; it owes a final answer by {@code respondBy}. */
    record ForceResetIssued(Instant at, Instant respondBy) implements RemediationEvent {
    }

    record LockIssued(Instant at, Instant respondBy) implements RemediationEvent {
    }

    /** No address on file takes mail: the ISP was asked to reach the customer by post, SMS or phone. */
    record OtherChannelRequested(Instant at, Instant respondBy) implements RemediationEvent {
    }

    /** The open command went unanswered by its respond-by time and was issued again. */
    record CommandReissued(int attempt, Instant at, Instant respondBy) implements RemediationEvent {
    }

    /** The open command went unanswered after its last attempt. */
    record CommandExhausted(Instant at) implements RemediationEvent {
    }

    /**
     * Operations re-drive the tenant's undeliverable mailboxes with one of {@code reasons} (a relay was
     * fixed): the last notice goes out again.
     */
    record Redriven(Set<StateReason> reasons, Instant at) implements RemediationEvent {
    }

    /** The re-driven notice was requested. */
    record RedriveIssued(Instant at) implements RemediationEvent {
    }

    /** The ISP answered a command; {@code extendedRespondBy} is the new respond-by time should it be ACCEPTED. */
    record CommandAnswered(String commandId, CommandAnswerKind answer, CommandRefusal refusal, String answeredBy,
                           Instant at, Instant extendedRespondBy) implements RemediationEvent {
    }
}
