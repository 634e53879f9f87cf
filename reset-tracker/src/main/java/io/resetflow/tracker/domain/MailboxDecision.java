package io.resetflow.tracker.domain;

import io.resetflow.avro.IspAction;
import io.resetflow.avro.NoticeKind;
import io.resetflow.avro.ResetActor;
import io.resetflow.core.tenant.RemediationPolicy;
import io.resetflow.tracker.domain.RemediationEvent.CommandExhausted;
import io.resetflow.tracker.domain.RemediationEvent.CommandReissued;
import io.resetflow.tracker.domain.RemediationEvent.DeadlineReached;
import io.resetflow.tracker.domain.RemediationEvent.ForceResetIssued;
import io.resetflow.tracker.domain.RemediationEvent.LockIssued;
import io.resetflow.tracker.domain.RemediationEvent.NoticeIssued;
import io.resetflow.tracker.domain.RemediationEvent.OtherChannelRequested;
import io.resetflow.tracker.domain.RemediationEvent.PasswordChanged;
import io.resetflow.tracker.domain.RemediationEvent.RedriveIssued;
import io.resetflow.tracker.domain.RemediationEvent.Redriven;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tracker's one decision per mailbox and moment, without side effects: the mailbox as stored,
 * the input (if any), now, the tenant's policy and the day's sends in; out the mailbox afterwards,
 * what to publish (notices, commands, cancels) and when to look at it again. It applies the input,
 * then performs every action that is due, in order, within quiet hours and the daily cap.
 */
public final class MailboxDecision {

    /** More steps than the machine can take at once (deadline, force reset, final notice). */
    private static final int MAX_STEPS = 8;
    /** A notice sent again by a re-drive is not followed by the next one, already due, in the same instant. */
    private static final Duration REDRIVE_GAP = Duration.ofDays(1);

    /** Something the decision asks the processor to publish or count. */
    public sealed interface Effect {
    }

    /** Request a notice under this id, with this deadline. */
    public record Notice(NoticeKind kind, int sequence, String notificationId, Instant deadline) implements Effect {
    }

    /** Publish the mailbox's open command as it now stands. */
    public record Command(OpenCommand command) implements Effect {
    }

    /** Withdraw a command the ISP must no longer act on. */
    public record Cancel(OpenCommand command) implements Effect {
    }

    /** A command had no final answer after its last attempt. */
    public record Exhausted(IspAction action) implements Effect {
    }

    /** A due notice waits for quiet hours to end or for the next day's cap. */
    public record Deferred(SendRules.Cause cause) implements Effect {
    }

    /** The mailbox afterwards, what to publish, and its next timer (null: none). */
    public record Outcome(MailboxRemediation after, List<Effect> effects, Instant nextTimer) {

        public Outcome {
            effects = List.copyOf(effects);
        }
    }

    private final RemediationSchedule schedule;

    public MailboxDecision(RemediationSchedule schedule) {
        this.schedule = schedule;
    }

    public RemediationSchedule schedule() {
        return schedule;
    }

    /** {@code input} is applied first; without one (a timer), the mailbox is only brought up to date. */
    public Outcome decide(MailboxRemediation stored, Optional<RemediationEvent> input, Instant now,
                          RemediationPolicy policy, SendRules.DailySends sends) {
        List<Effect> effects = new ArrayList<>();
        MailboxRemediation m = input.map(event -> applied(stored, event, effects)).orElse(stored);
        SendRules.DailySends today = sends;
        Instant nextTimer = now;
        for (int step = 0; step < MAX_STEPS; step++) {
            Optional<DueAction> next = schedule.at(m, policy, now);
            if (next.isEmpty()) {
                nextTimer = null;
                break;
            }
            DueAction action = next.get();
            if (!action.isDue(now)) {
                nextTimer = action.dueAt();
                break;
            }
            if (action.kind().isMail()) {
                Optional<SendRules.Deferral> deferral = SendRules.check(policy, now, today);
                if (deferral.isPresent()) {
                    effects.add(new Deferred(deferral.get().cause()));
                    nextTimer = RemediationSchedule.retryAt(m, action, deferral.get().until());
                    break;
                }
                m = notice(m, action, policy, now, effects);
                today = today.plusOne();
                if (action.kind() == DueAction.Kind.REDRIVE) {
                    Instant gapEnd = now.plus(REDRIVE_GAP);
                    nextTimer = m.deadlineAt() != null && m.deadlineAt().isBefore(gapEnd) ? m.deadlineAt() : gapEnd;
                    break;
                }
            } else {
                m = perform(m, action, policy, now, effects);
                if (action.kind() == DueAction.Kind.DEADLINE) {
                    // DEADLINE_PASSED is a state of its own, stored and counted: the force reset is the next timer's.
                    nextTimer = now;
                    break;
                }
            }
        }
        return new Outcome(m, effects, nextTimer);
    }

    /** Applies the input; a command the input makes moot (the customer was first, a re-drive) is withdrawn. */
    private static MailboxRemediation applied(MailboxRemediation stored, RemediationEvent event, List<Effect> effects) {
        MailboxRemediation after = stored.apply(event).after();
        OpenCommand open = stored.command();
        boolean moot = event instanceof Redriven
                || (event instanceof PasswordChanged changed && !carriesOut(open, changed.actor()));
        if (open != null && after.command() == null && moot) {
            effects.add(new Cancel(open));
        }
        return after;
    }

    /** A forced reset or a lock reported by the ISP is the command done, not overtaken. */
    private static boolean carriesOut(OpenCommand command, ResetActor actor) {
        return command != null && ((command.action() == IspAction.FORCE_PASSWORD_RESET && actor == ResetActor.FORCED)
                || (command.action() == IspAction.LOCK_ACCOUNT && actor == ResetActor.LOCKED));
    }

    private static MailboxRemediation notice(MailboxRemediation m, DueAction action, RemediationPolicy policy,
                                             Instant now, List<Effect> effects) {
        NoticeKind kind = action.noticeKind().orElseThrow();
        boolean redrive = action.kind() == DueAction.Kind.REDRIVE;
        Instant deadline = kind == NoticeKind.INITIAL_NOTICE && !redrive
                ? RemediationSchedule.deadlineFor(now, policy) : m.deadlineAt();
        String id = redrive ? NotificationIds.redriven(m.mailboxId(), kind, action.sequence(), m.redrives())
                : NotificationIds.of(m.mailboxId(), kind, action.sequence());
        effects.add(new Notice(kind, action.sequence(), id, deadline));
        return m.apply(redrive ? new RedriveIssued(now) : new NoticeIssued(kind, action.sequence(), now, deadline))
                .after();
    }

    private static MailboxRemediation perform(MailboxRemediation m, DueAction action, RemediationPolicy policy,
                                              Instant now, List<Effect> effects) {
        Instant respondBy = now.plus(policy.commandAnswerTimeout());
        return switch (action.kind()) {
            case LOCK -> issued(m.apply(new LockIssued(now, respondBy)).after(), effects);
            case DEADLINE -> m.apply(new DeadlineReached(now)).after();
            case FORCE_RESET -> issued(m.apply(new ForceResetIssued(now, respondBy)).after(), effects);
            case OTHER_CHANNEL -> issued(m.apply(new OtherChannelRequested(now, respondBy)).after(), effects);
            case COMMAND_FOLLOW_UP -> followUp(m, policy, respondBy, now, effects);
            default -> throw new IllegalStateException("not a non-mail action: " + action);
        };
    }

    /** An unanswered command is issued again with the next attempt, or exhausted after the last one. */
    private static MailboxRemediation followUp(MailboxRemediation m, RemediationPolicy policy, Instant respondBy,
                                               Instant now, List<Effect> effects) {
        OpenCommand command = m.command();
        if (command.attempt() >= policy.commandAttempts()) {
            effects.add(new Exhausted(command.action()));
            return m.apply(new CommandExhausted(now)).after();
        }
        return issued(m.apply(new CommandReissued(command.attempt() + 1, now, respondBy)).after(), effects);
    }

    private static MailboxRemediation issued(MailboxRemediation m, List<Effect> effects) {
        if (m.command() != null) {
            effects.add(new Command(m.command()));
        }
        return m;
    }
}
