package io.resetflow.tracker.domain;

import io.resetflow.avro.RemediationState;
import io.resetflow.avro.StateReason;
import io.resetflow.core.tenant.RemediationPolicy;
import io.resetflow.tracker.domain.DueAction.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Derives a mailbox's next action from its state and its tenant's policy. Reminder offsets and the
 * deadline count from the moment the initial notice was issued. Nothing is kept besides the
 * mailbox itself, so a timer that fires late or twice re-derives the same answer.
 */
public final class RemediationSchedule {

    private final InitialNoticePlan initialNotice;

    public RemediationSchedule(InitialNoticePlan initialNotice) {
        this.initialNotice = initialNotice;
    }

    public Optional<DueAction> next(MailboxRemediation m, RemediationPolicy policy) {
        RemediationState state = m.state();
        if (m.isRemediated() || state == RemediationState.LOCK_REQUESTED) {
            return Optional.empty();
        }
        if (m.requiresLock()) {
            return state == RemediationState.AFFECTED
                    ? Optional.of(new DueAction(Kind.LOCK, 0, m.affectedAt())) : Optional.empty();
        }
        if (state == RemediationState.FORCE_RESET_REQUESTED) {
            return m.finalNoticeIssued() || isUndeliverable(m.reason()) ? Optional.empty()
                    : Optional.of(new DueAction(Kind.FINAL_NOTICE, policy.reminderOffsets().size() + 1, m.deadlineAt()));
        }
        if (state == RemediationState.DEADLINE_PASSED) {
            return Optional.of(new DueAction(Kind.FORCE_RESET, 0, m.deadlineAt()));
        }
        if (m.noticesIssued() == 0) {
            return Optional.of(new DueAction(Kind.INITIAL_NOTICE, 0,
                    initialNotice.earliest(m.identity().priority(), m.affectedAt())));
        }
        return nextReminder(m, policy.reminderOffsets())
                .or(() -> Optional.of(new DueAction(Kind.DEADLINE, 0, m.deadlineAt())));
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

    private static boolean isUndeliverable(StateReason reason) {
        return reason == StateReason.BOUNCED || reason == StateReason.DELIVERY_FAILED;
    }
}
