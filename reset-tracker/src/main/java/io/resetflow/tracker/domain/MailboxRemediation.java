package io.resetflow.tracker.domain;

import io.resetflow.avro.AccountLifecycle;
import io.resetflow.avro.DeliveryStatus;
import io.resetflow.avro.IspAction;
import io.resetflow.avro.IntakeRecord;
import io.resetflow.avro.NoticeKind;
import io.resetflow.avro.Priority;
import io.resetflow.avro.RemediationState;
import io.resetflow.avro.ResetActor;
import io.resetflow.avro.StateReason;
import io.resetflow.tracker.domain.RemediationEvent.CommandAnswered;
import io.resetflow.tracker.domain.RemediationEvent.CommandExhausted;
import io.resetflow.tracker.domain.RemediationEvent.CommandReissued;
import io.resetflow.tracker.domain.RemediationEvent.DeadlineReached;
import io.resetflow.tracker.domain.RemediationEvent.DeliveryReported;
import io.resetflow.tracker.domain.RemediationEvent.ForceResetIssued;
import io.resetflow.tracker.domain.RemediationEvent.LockIssued;
import io.resetflow.tracker.domain.RemediationEvent.NoticeIssued;
import io.resetflow.tracker.domain.RemediationEvent.OtherChannelRequested;
import io.resetflow.tracker.domain.RemediationEvent.PasswordChanged;
import io.resetflow.tracker.domain.RemediationEvent.RedriveIssued;
import io.resetflow.tracker.domain.RemediationEvent.Redriven;
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
 *    UNDELIVERABLE (bounced) --(ISP asked to reach the customer by another channel)--> UNDELIVERABLE
 * former accounts: AFFECTED -> LOCK_REQUESTED -> LOCKED
 * commands (force reset, lock, other channel) stay open until a final answer:
 *    DONE --> RESET_COMPLETED | LOCKED | (reached: UNDELIVERABLE until the deadline)
 *    CANNOT_ACT or no answer after the last attempt --> ESCALATED (other channel: UNDELIVERABLE)
 * </pre>
 * Events may arrive late, twice or out of order; an event that does not move the machine forward
 * leaves it unchanged, so replaying any event is harmless. Remediated states are final.
 */
public record MailboxRemediation(Identity identity, RemediationState state, StateReason reason, int remindersSent,
                                 int noticesIssued, boolean finalNoticeIssued, Instant affectedAt,
                                 Instant noticeIssuedAt, Instant notifiedAt, Instant deadlineAt,
                                 Instant remediatedAt, Instant updatedAt, List<TimelineEntry> timeline,
                                 OpenCommand command, boolean otherChannelRequested, int redrives,
                                 boolean redrivePending) {

    /** Enough history for the dashboard; the machine cannot take more steps than this in practice. */
    public static final int TIMELINE_LIMIT = 16;

    private static final Set<RemediationState> MAILED_OPEN =
            EnumSet.of(RemediationState.AFFECTED, RemediationState.NOTIFIED, RemediationState.REMINDED);
    private static final Set<RemediationState> DEADLINE_APPLIES = EnumSet.of(RemediationState.AFFECTED,
            RemediationState.NOTIFIED, RemediationState.REMINDED, RemediationState.UNDELIVERABLE);

    /** What the intake told us about the mailbox; fixed for its whole remediation. */
    public record Identity(String mailboxId, String tenant, String brand, String address, String contactAddress,
                           AccountLifecycle lifecycle, Priority priority, String accountId) {
    }

    public MailboxRemediation {
        timeline = List.copyOf(timeline);
    }

    /** {@code lockInactive}: the tenant's policy locks inactive accounts like former ones instead of mailing them. */
    public static Change accept(IntakeRecord intake, boolean lockInactive, Instant at) {
        Priority priority = lockInactive && intake.getLifecycle() == AccountLifecycle.INACTIVE
                ? Priority.LOCK : intake.getPriority();
        Identity identity = new Identity(intake.getMailboxId(), intake.getTenant(), intake.getBrand(),
                intake.getAddress(), intake.getContactAddress(), intake.getLifecycle(), priority, intake.getAccountId());
        MailboxRemediation fresh = new MailboxRemediation(identity, RemediationState.AFFECTED, StateReason.NEW, 0, 0,
                false, at, null, null, null, null, at,
                List.of(new TimelineEntry(RemediationState.AFFECTED, StateReason.NEW, at)), null, false, 0, false);
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

    public boolean isEscalated() {
        return state == RemediationState.ESCALATED;
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
                    ? moveTo(RemediationState.FORCE_RESET_REQUESTED, reason, issued.at(), with(b -> b.command =
                    OpenCommand.first(IspAction.FORCE_PASSWORD_RESET, issued.at(), issued.respondBy())))
                    : Change.none(this);
        } else if (event instanceof LockIssued issued) {
            return state == RemediationState.AFFECTED && requiresLock()
                    ? moveTo(RemediationState.LOCK_REQUESTED, StateReason.LOCKED_FORMER_ACCOUNT, issued.at(), with(b ->
                    b.command = OpenCommand.first(IspAction.LOCK_ACCOUNT, issued.at(), issued.respondBy())))
                    : Change.none(this);
        } else if (event instanceof OtherChannelRequested requested) {
            return state == RemediationState.UNDELIVERABLE && !otherChannelRequested
                    ? moveTo(RemediationState.UNDELIVERABLE, StateReason.OTHER_CHANNEL_REQUESTED, requested.at(),
                    with(b -> {
                        b.otherChannelRequested = true;
                        b.command = OpenCommand.first(IspAction.REACH_BY_OTHER_CHANNEL, requested.at(),
                                requested.respondBy());
                    }))
                    : Change.none(this);
        } else if (event instanceof CommandReissued reissued) {
            return command != null && reissued.attempt() == command.attempt() + 1
                    ? new Change(this, with(b -> b.command = command.reissued(reissued.at(), reissued.respondBy())),
                    List.of())
                    : Change.none(this);
        } else if (event instanceof CommandExhausted exhausted) {
            return command == null ? Change.none(this) : commandFailed(StateReason.COMMAND_UNANSWERED, exhausted.at(), null);
        } else if (event instanceof CommandAnswered answered) {
            return commandAnswered(answered);
        } else if (event instanceof Redriven redriven) {
            return redriven(redriven);
        } else if (event instanceof RedriveIssued issued) {
            return redrivePending ? new Change(this, with(b -> b.redrivePending = false), List.of()) : Change.none(this);
        }
        throw new IllegalArgumentException("unknown event " + event);
    }

    /**
     * An undeliverable mailbox goes back to where its last notice left it, to have that notice sent
     * again; an open request for another channel is dropped (the caller withdraws it from the ISP).
     */
    private Change redriven(Redriven redriven) {
        if (state != RemediationState.UNDELIVERABLE || !redriven.reasons().contains(reason) || noticesIssued == 0) {
            return Change.none(this);
        }
        RemediationState back = notifiedAt == null ? RemediationState.AFFECTED
                : remindersSent > 0 ? RemediationState.REMINDED : RemediationState.NOTIFIED;
        return moveTo(back, StateReason.REDRIVEN, redriven.at(), with(b -> {
            b.redrives = redrives + 1;
            b.redrivePending = true;
            b.command = null;
        }));
    }

    private Change commandAnswered(CommandAnswered answered) {
        if (command == null || isRemediated() || !command.answers(mailboxId(), answered.commandId())) {
            return Change.none(this);
        }
        return switch (answered.answer()) {
            case ACCEPTED -> command.accepted() ? Change.none(this)
                    : noted(StateReason.COMMAND_ACCEPTED, answered.at(), answered.answeredBy(),
                    with(b -> b.command = command.acceptedUntil(answered.extendedRespondBy())));
            case DONE -> commandDone(answered.at(), answered.answeredBy());
            case CANNOT_ACT -> commandFailed(StateReason.ISP_CANNOT_ACT, answered.at(), answered.answeredBy());
        };
    }

    private Change commandDone(Instant at, String by) {
        MailboxRemediation closed = with(b -> b.command = null);
        return switch (command.action()) {
            case FORCE_PASSWORD_RESET -> closed.with(b -> b.remediatedAt = at)
                    .moveTo(RemediationState.RESET_COMPLETED, StateReason.RESET_FORCED_BY_ISP, at, by, this);
            case LOCK_ACCOUNT -> closed.with(b -> b.remediatedAt = at).moveTo(RemediationState.LOCKED,
                    requiresLock() ? StateReason.LOCKED_FORMER_ACCOUNT : StateReason.LOCKED_BY_ISP, at, by, this);
            case REACH_BY_OTHER_CHANNEL -> closed.moveTo(RemediationState.UNDELIVERABLE,
                    StateReason.REACHED_BY_OTHER_CHANNEL, at, by, this);
        };
    }

    /** A force reset or lock the ISP cannot or does not carry out is escalated; a failed other channel waits for the deadline. */
    private Change commandFailed(StateReason why, Instant at, String by) {
        MailboxRemediation closed = with(b -> b.command = null);
        return command.action() == IspAction.REACH_BY_OTHER_CHANNEL
                ? closed.moveTo(RemediationState.UNDELIVERABLE, StateReason.OTHER_CHANNEL_FAILED, at, by, this)
                : closed.moveTo(RemediationState.ESCALATED, why, at, by, this);
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
            return moveTo(RemediationState.LOCKED, why, changed.at(), with(b -> {
                b.remediatedAt = changed.at();
                b.command = null;
            }));
        }
        StateReason why = switch (actor) {
            case CUSTOMER -> StateReason.RESET_BY_CUSTOMER;
            case OPERATOR -> StateReason.RESET_BY_OPERATOR;
            case FORCED -> StateReason.RESET_FORCED_BY_ISP;
            case LOCKED -> throw new IllegalStateException("handled above");
        };
        return moveTo(RemediationState.RESET_COMPLETED, why, changed.at(), with(b -> {
            b.remediatedAt = changed.at();
            b.command = null;
        }));
    }

    /** An undeliverable mailbox keeps saying why it is stuck when its deadline passes. */
    private StateReason stuckReasonOr(StateReason fallback) {
        return state == RemediationState.UNDELIVERABLE ? reason : fallback;
    }

    private Change moveTo(RemediationState to, StateReason why, Instant at, MailboxRemediation base) {
        return base.moveTo(to, why, at, null, this);
    }

    /** This mailbox (the edited one) enters {@code to}; {@code origin} is the mailbox before the event. */
    private Change moveTo(RemediationState to, StateReason why, Instant at, String by, MailboxRemediation origin) {
        List<TimelineEntry> kept = appended(new TimelineEntry(to, why, at, by));
        MailboxRemediation next = with(b -> {
            b.state = to;
            b.reason = why;
            b.updatedAt = at;
            b.timeline = kept;
        });
        return new Change(origin, next, List.of(Transition.between(origin.state, to, why, at)));
    }

    /** An ISP's answer that does not move the state is still written into the timeline, attributed. */
    private Change noted(StateReason what, Instant at, String by, MailboxRemediation base) {
        List<TimelineEntry> kept = base.appended(new TimelineEntry(state, what, at, by));
        return new Change(this, base.with(b -> {
            b.updatedAt = at;
            b.timeline = kept;
        }), List.of());
    }

    private List<TimelineEntry> appended(TimelineEntry entry) {
        List<TimelineEntry> history = new ArrayList<>(timeline);
        history.add(entry);
        return history.size() > TIMELINE_LIMIT ? history.subList(history.size() - TIMELINE_LIMIT, history.size())
                : history;
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
        public OpenCommand command;
        public boolean otherChannelRequested;
        public int redrives;
        public boolean redrivePending;

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
            command = m.command;
            otherChannelRequested = m.otherChannelRequested;
            redrives = m.redrives;
            redrivePending = m.redrivePending;
        }

        public MailboxRemediation build() {
            return new MailboxRemediation(identity, state, reason, remindersSent, noticesIssued, finalNoticeIssued,
                    affectedAt, noticeIssuedAt, notifiedAt, deadlineAt, remediatedAt, updatedAt, timeline, command,
                    otherChannelRequested, redrives, redrivePending);
        }
    }
}
