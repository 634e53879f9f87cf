package io.resetflow.tracker.domain;

import io.resetflow.avro.AccountLifecycle;
import io.resetflow.avro.DeliveryStatus;
import io.resetflow.avro.IntakeRecord;
import io.resetflow.avro.NoticeKind;
import io.resetflow.avro.Priority;
import io.resetflow.avro.RemediationState;
import io.resetflow.avro.ResetActor;
import io.resetflow.avro.StateReason;
import io.resetflow.tracker.domain.RemediationEvent.DeadlineReached;
import io.resetflow.tracker.domain.RemediationEvent.DeliveryReported;
import io.resetflow.tracker.domain.RemediationEvent.ForceResetIssued;
import io.resetflow.tracker.domain.RemediationEvent.LockIssued;
import io.resetflow.tracker.domain.RemediationEvent.NoticeIssued;
import io.resetflow.tracker.domain.RemediationEvent.PasswordChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The remediation of one mailbox and the rules of its state machine:
 * <pre>
 * AFFECTED -> NOTIFIED -> REMINDED(n) -> ... -> DEADLINE_PASSED -> FORCE_RESET_REQUESTED
 *    any open state --(ISP reset event)--> RESET_COMPLETED | LOCKED
 *    AFFECTED/NOTIFIED/REMINDED --(bounce/failure)--> UNDELIVERABLE --(deadline)--> DEADLINE_PASSED
 * former accounts: AFFECTED -> LOCK_REQUESTED -> LOCKED
 * </pre>
 * Events may arrive late, twice or out of order; an event that does not move the machine forward
 * leaves it unchanged, so replaying any event is harmless. Remediated states are final.
 */
public record MailboxRemediation(Identity identity, RemediationState state, StateReason reason, int remindersSent,
                                 int noticesIssued, boolean finalNoticeIssued, Instant affectedAt,
                                 Instant noticeIssuedAt, Instant notifiedAt, Instant deadlineAt,
                                 Instant remediatedAt, Instant updatedAt, List<TimelineEntry> timeline) {

    /** Enough history for the dashboard; the machine cannot take more steps than this in practice. */
    public static final int TIMELINE_LIMIT = 16;

    private static final Set<RemediationState> MAILED_OPEN =
            EnumSet.of(RemediationState.AFFECTED, RemediationState.NOTIFIED, RemediationState.REMINDED);
    private static final Set<RemediationState> DEADLINE_APPLIES = EnumSet.of(RemediationState.AFFECTED,
            RemediationState.NOTIFIED, RemediationState.REMINDED, RemediationState.UNDELIVERABLE);

    /** What the intake told us about the mailbox; fixed for its whole remediation. */
    public record Identity(String mailboxId, String tenant, String brand, String address, String contactAddress,
                           AccountLifecycle lifecycle, Priority priority) {
    }

    public MailboxRemediation {
        timeline = List.copyOf(timeline);
    }

    public static Change accept(IntakeRecord intake, Instant at) {
        Identity identity = new Identity(intake.getMailboxId(), intake.getTenant(), intake.getBrand(),
                intake.getAddress(), intake.getContactAddress(), intake.getLifecycle(), intake.getPriority());
        MailboxRemediation fresh = new MailboxRemediation(identity, RemediationState.AFFECTED, StateReason.NEW, 0, 0,
                false, at, null, null, null, null, at,
                List.of(new TimelineEntry(RemediationState.AFFECTED, StateReason.NEW, at)));
        return new Change(fresh, fresh, List.of(Transition.entered(RemediationState.AFFECTED, StateReason.NEW, at)));
    }

    public String mailboxId() {
        return identity.mailboxId();
    }

    public String tenant() {
        return identity.tenant();
    }

    public boolean isRemediated() {
        return isRemediated(state);
    }

    public static boolean isRemediated(RemediationState state) {
        return state == RemediationState.RESET_COMPLETED || state == RemediationState.LOCKED;
    }

    /** Former accounts are locked, not mailed. */
    public boolean requiresLock() {
        return identity.lifecycle() == AccountLifecycle.FORMER || identity.priority() == Priority.LOCK;
    }

    public Change apply(RemediationEvent event) {
        if (event instanceof NoticeIssued issued) {
            return noticeIssued(issued);
        } else if (event instanceof DeliveryReported delivery) {
            return deliveryReported(delivery);
        } else if (event instanceof PasswordChanged changed) {
            return passwordChanged(changed);
        } else if (event instanceof DeadlineReached reached) {
            return DEADLINE_APPLIES.contains(state) && deadlineAt != null
                    ? moveTo(RemediationState.DEADLINE_PASSED, stuckReasonOr(StateReason.DEADLINE_REACHED),
                    reached.at(), this)
                    : Change.none(this);
        } else if (event instanceof ForceResetIssued issued) {
            return state == RemediationState.DEADLINE_PASSED
                    ? moveTo(RemediationState.FORCE_RESET_REQUESTED, reason, issued.at(), this)
                    : Change.none(this);
        } else if (event instanceof LockIssued issued) {
            return state == RemediationState.AFFECTED && requiresLock()
                    ? moveTo(RemediationState.LOCK_REQUESTED, StateReason.LOCKED_FORMER_ACCOUNT, issued.at(), this)
                    : Change.none(this);
        }
        throw new IllegalArgumentException("unknown event " + event);
    }

    private Change noticeIssued(NoticeIssued issued) {
        if (isRemediated() || requiresLock()) {
            return Change.none(this);
        }
        MailboxRemediation next = this;
        if (issued.kind() == NoticeKind.FINAL_NOTICE) {
            next = next.with(b -> b.finalNoticeIssued = true);
        } else if (issued.sequence() + 1 > noticesIssued) {
            next = next.with(b -> {
                b.noticesIssued = issued.sequence() + 1;
                if (issued.kind() == NoticeKind.INITIAL_NOTICE && b.noticeIssuedAt == null) {
                    b.noticeIssuedAt = issued.at();
                    b.deadlineAt = issued.deadlineAt();
                }
            });
        }
        return next.equals(this) ? Change.none(this) : new Change(this, next, List.of());
    }

    private Change deliveryReported(DeliveryReported delivery) {
        if (delivery.status() == DeliveryStatus.DEFERRED || !MAILED_OPEN.contains(state)) {
            // Late news about a mailbox that moved on (remediated, undeliverable, past its deadline) changes nothing.
            return Change.none(this);
        }
        if (delivery.status() == DeliveryStatus.BOUNCED || delivery.status() == DeliveryStatus.FAILED) {
            StateReason why = delivery.status() == DeliveryStatus.BOUNCED
                    ? StateReason.BOUNCED : StateReason.DELIVERY_FAILED;
            return moveTo(RemediationState.UNDELIVERABLE, why, delivery.at(), this);
        }
        return switch (delivery.kind()) {
            case INITIAL_NOTICE -> initialDelivered(delivery.at());
            case REMINDER -> reminderDelivered(delivery.sequence(), delivery.at());
            case FINAL_NOTICE -> Change.none(this);
        };
    }

    private Change initialDelivered(Instant at) {
        MailboxRemediation noted = notifiedAt == null ? with(b -> b.notifiedAt = at) : this;
        return state == RemediationState.AFFECTED
                ? moveTo(RemediationState.NOTIFIED, StateReason.NOTICE_SENT, at, noted)
                : noted.equals(this) ? Change.none(this) : new Change(this, noted, List.of());
    }

    private Change reminderDelivered(int sequence, Instant at) {
        if (sequence <= remindersSent) {
            return Change.none(this);
        }
        MailboxRemediation counted = with(b -> b.remindersSent = sequence);
        return moveTo(RemediationState.REMINDED, StateReason.REMINDER_SENT, at, counted);
    }

    private Change passwordChanged(PasswordChanged changed) {
        if (isRemediated()) {
            return Change.none(this);
        }
        ResetActor actor = changed.actor();
        if (actor == ResetActor.LOCKED) {
            StateReason why = state == RemediationState.LOCK_REQUESTED || requiresLock()
                    ? StateReason.LOCKED_FORMER_ACCOUNT : StateReason.LOCKED_BY_ISP;
            return moveTo(RemediationState.LOCKED, why, changed.at(), with(b -> b.remediatedAt = changed.at()));
        }
        StateReason why = switch (actor) {
            case CUSTOMER -> StateReason.RESET_BY_CUSTOMER;
            case OPERATOR -> StateReason.RESET_BY_OPERATOR;
            case FORCED -> StateReason.RESET_FORCED_BY_ISP;
            case LOCKED -> throw new IllegalStateException("handled above");
        };
        return moveTo(RemediationState.RESET_COMPLETED, why, changed.at(), with(b -> b.remediatedAt = changed.at()));
    }

    /** An undeliverable mailbox keeps saying why it is stuck when its deadline passes. */
    private StateReason stuckReasonOr(StateReason fallback) {
        return state == RemediationState.UNDELIVERABLE ? reason : fallback;
    }

    private Change moveTo(RemediationState to, StateReason why, Instant at, MailboxRemediation base) {
        List<TimelineEntry> history = new ArrayList<>(base.timeline);
        history.add(new TimelineEntry(to, why, at));
        List<TimelineEntry> kept = history.size() > TIMELINE_LIMIT
                ? history.subList(history.size() - TIMELINE_LIMIT, history.size()) : history;
        MailboxRemediation next = base.with(b -> {
            b.state = to;
            b.reason = why;
            b.updatedAt = at;
            b.timeline = kept;
        });
        return new Change(this, next, List.of(Transition.between(state, to, why, at)));
    }

    private MailboxRemediation with(java.util.function.Consumer<Builder> edit) {
        Builder builder = new Builder(this);
        edit.accept(builder);
        return builder.build();
    }

    /** Copy-on-write helper; also used by the store codec. */
    public static final class Builder {
        public Identity identity;
        public RemediationState state;
        public StateReason reason;
        public int remindersSent;
        public int noticesIssued;
        public boolean finalNoticeIssued;
        public Instant affectedAt;
        public Instant noticeIssuedAt;
        public Instant notifiedAt;
        public Instant deadlineAt;
        public Instant remediatedAt;
        public Instant updatedAt;
        public List<TimelineEntry> timeline = List.of();

        public Builder() {
        }

        Builder(MailboxRemediation m) {
            identity = m.identity;
            state = m.state;
            reason = m.reason;
            remindersSent = m.remindersSent;
            noticesIssued = m.noticesIssued;
            finalNoticeIssued = m.finalNoticeIssued;
            affectedAt = m.affectedAt;
            noticeIssuedAt = m.noticeIssuedAt;
            notifiedAt = m.notifiedAt;
            deadlineAt = m.deadlineAt;
            remediatedAt = m.remediatedAt;
            updatedAt = m.updatedAt;
            timeline = m.timeline;
        }

        public MailboxRemediation build() {
            return new MailboxRemediation(identity, state, reason, remindersSent, noticesIssued, finalNoticeIssued,
                    affectedAt, noticeIssuedAt, notifiedAt, deadlineAt, remediatedAt, updatedAt, timeline);
        }
    }
}
