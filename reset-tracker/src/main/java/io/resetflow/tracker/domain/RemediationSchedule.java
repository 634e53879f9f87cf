package io.resetflow.tracker.domain;

import io.resetflow.avro.RemediationState;
import io.resetflow.avro.StateReason;
import io.resetflow.core.tenant.RemediationPolicy;
import io.resetflow.tracker.domain.DueAction.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Derives a mailbox's next action from its state and its tenant's policy. Reminder offsets and the
 * deadline count from the moment the initial notice was issued; an open command is followed up at
 * its respond-by time. Nothing is kept besides the mailbox itself, so a timer that fires late or
 * twice re-derives the same answer.
 */
public final class RemediationSchedule {

    private final InitialNoticePlan initialNotice;

    public RemediationSchedule(InitialNoticePlan initialNotice) {
        this.initialNotice = initialNotice;
    }

    public Optional<DueAction> next(MailboxRemediation m, RemediationPolicy policy) {
        RemediationState state = m.state();
        if (m.isRemediated() || m.isEscalated()) {
            return Optional.empty();
        }
        Optional<DueAction> followUp = Optional.ofNullable(m.command())
                .map(command -> new DueAction(Kind.COMMAND_FOLLOW_UP, command.attempt(), command.respondBy()));
        if (state == RemediationState.LOCK_REQUESTED) {
            return followUp;
        }
        if (m.requiresLock()) {
            return state == RemediationState.AFFECTED
                    ? Optional.of(new DueAction(Kind.LOCK, 0, m.affectedAt())) : Optional.empty();
        }
        if (state == RemediationState.FORCE_RESET_REQUESTED) {
            return m.finalNoticeIssued() || isUndeliverable(m.reason()) ? followUp
                    : Optional.of(new DueAction(Kind.FINAL_NOTICE, policy.reminderOffsets().size() + 1, m.deadlineAt()));
        }
        if (state == RemediationState.DEADLINE_PASSED) {
            return Optional.of(new DueAction(Kind.FORCE_RESET, 0, m.deadlineAt()));
        }
        if (state == RemediationState.UNDELIVERABLE) {
            return undeliverable(m, followUp);
        }
        if (m.redrivePending()) {
            return Optional.of(new DueAction(Kind.REDRIVE, m.noticesIssued() - 1, m.updatedAt()));
        }
        if (m.noticesIssued() == 0) {
            return Optional.of(new DueAction(Kind.INITIAL_NOTICE, 0,
                    initialNotice.earliest(m.identity().priority(), m.affectedAt())));
        }
        return nextReminder(m, policy.reminderOffsets())
                .or(() -> Optional.of(new DueAction(Kind.DEADLINE, 0, m.deadlineAt())));
    }

    /**
     * No address took the mail: the ISP is asked at once to reach the customer another way, that
     * command is followed up, and the deadline still forces a reset.
     */
    private static Optional<DueAction> undeliverable(MailboxRemediation m, Optional<DueAction> followUp) {
        if (m.reason() == StateReason.BOUNCED && !m.otherChannelRequested()) {
            return Optional.of(new DueAction(Kind.OTHER_CHANNEL, 0, m.updatedAt()));
        }
        Optional<DueAction> deadline = Optional.ofNullable(m.deadlineAt()).map(at -> new DueAction(Kind.DEADLINE, 0, at));
        if (followUp.isEmpty()) {
            return deadline;
        }
        if (deadline.isEmpty()) {
            return followUp;
        }
        return followUp.get().dueAt().isBefore(deadline.get().dueAt()) ? followUp : deadline;
    }

    /**
     * The next action as it stands at {@code now}: a reminder that quiet hours or the daily cap held
     * back until its deadline has come is dropped for the deadline, which never waits for it.
     */
    public Optional<DueAction> at(MailboxRemediation m, RemediationPolicy policy, Instant now) {
        return next(m, policy).map(action -> action.kind() == Kind.REMINDER && m.deadlineAt() != null
                && !m.deadlineAt().isAfter(now) ? new DueAction(Kind.DEADLINE, 0, m.deadlineAt()) : action);
    }

    /** When a mail action held back until {@code until} must be looked at again: then, or at its deadline if sooner. */
    public static Instant retryAt(MailboxRemediation m, DueAction action, Instant until) {
        return action.kind() == Kind.REMINDER && m.deadlineAt() != null && m.deadlineAt().isBefore(until)
                ? m.deadlineAt() : until;
    }

    public static Instant deadlineFor(Instant initialNoticeAt, RemediationPolicy policy) {
        return initialNoticeAt.plus(policy.deadline());
    }

    private static Optional<DueAction> nextReminder(MailboxRemediation m, List<Duration> offsets) {
        int reminder = m.noticesIssued();
        if (m.state() == RemediationState.UNDELIVERABLE || reminder > offsets.size()) {
            return Optional.empty();
        }
        Instant due = m.noticeIssuedAt().plus(offsets.get(reminder - 1));
        return due.isBefore(m.deadlineAt()) ? Optional.of(new DueAction(Kind.REMINDER, reminder, due))
                : Optional.empty();
    }

    private static final Set<StateReason> UNDELIVERABLE_REASONS = EnumSet.of(StateReason.BOUNCED,
            StateReason.DELIVERY_FAILED, StateReason.OTHER_CHANNEL_REQUESTED, StateReason.REACHED_BY_OTHER_CHANNEL,
            StateReason.OTHER_CHANNEL_FAILED);

    /** No mail reaches the mailbox, so no final notice is requested after its forced reset. */
    public static boolean isUndeliverable(StateReason reason) {
        return UNDELIVERABLE_REASONS.contains(reason);
    }
}
