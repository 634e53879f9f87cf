package io.resetflow.tracker.topology;

import io.resetflow.avro.NoticeKind;
import io.resetflow.core.tenant.RemediationPolicy;
import io.resetflow.core.tenant.Tenant;
import io.resetflow.core.tenant.Tenants;
import io.resetflow.tracker.domain.DueAction;
import io.resetflow.tracker.domain.MailboxRemediation;
import io.resetflow.tracker.domain.NotificationIds;
import io.resetflow.tracker.domain.OpenCommand;
import io.resetflow.tracker.domain.RemediationEvent.CommandExhausted;
import io.resetflow.tracker.domain.RemediationEvent.CommandReissued;
import io.resetflow.tracker.domain.RemediationEvent.DeadlineReached;
import io.resetflow.tracker.domain.RemediationEvent.ForceResetIssued;
import io.resetflow.tracker.domain.RemediationEvent.LockIssued;
import io.resetflow.tracker.domain.RemediationEvent.NoticeIssued;
import io.resetflow.tracker.domain.RemediationEvent.OtherChannelRequested;
import io.resetflow.tracker.domain.RemediationEvent.RedriveIssued;
import io.resetflow.tracker.domain.RemediationSchedule;
import io.resetflow.tracker.metrics.TrackerMetrics;
import io.resetflow.tracker.timers.SendWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Brings a mailbox up to date after an event or a timer: performs every action that is due (subject
 * to quiet hours and the daily cap for mail), saves it with its next timer and publishes its status
 * when that changed.
 */
public final class MailboxSettler {

    /** More steps than the machine can take at once (deadline, force reset, final notice). */
    private static final int MAX_STEPS = 8;
    private static final Duration REDRIVE_GAP = Duration.ofDays(1);

    private final MailboxRepository repository;
    private final RemediationSchedule schedule;
    private final Tenants tenants;
    private final SendWindow sendWindow;
    private final TrackerMetrics metrics;

    public MailboxSettler(MailboxRepository repository, RemediationSchedule schedule, Tenants tenants,
                          SendWindow sendWindow, TrackerMetrics metrics) {
        this.repository = repository;
        this.schedule = schedule;
        this.tenants = tenants;
        this.sendWindow = sendWindow;
        this.metrics = metrics;
    }

    /** {@code before} is what was stored (null for a new mailbox), {@code current} the mailbox after the event. */
    public TrackedMailbox settle(TrackedMailbox before, MailboxRemediation current, Instant now, Emitter out) {
        Optional<Tenant> tenant = tenants.byId(current.tenant());
        RemediationPolicy policy = tenant.map(Tenant::policy).orElse(RemediationPolicy.DEFAULT);
        MailboxRemediation m = current;
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
                Optional<SendWindow.Deferral> deferral = sendWindow.check(m.tenant(), policy, now);
                if (deferral.isPresent()) {
                    metrics.noticeDeferred(m.tenant(), deferral.get().cause().name());
                    nextTimer = RemediationSchedule.retryAt(m, action, deferral.get().until());
                    break;
                }
                m = issueNotice(m, action, policy, brand(m, tenant), now, out);
                if (action.kind() == DueAction.Kind.REDRIVE) {
                    // A notice sent again is not followed by the next one, already due, in the same instant.
                    Instant gapEnd = now.plus(REDRIVE_GAP);
                    nextTimer = m.deadlineAt() != null && m.deadlineAt().isBefore(gapEnd) ? m.deadlineAt() : gapEnd;
                    break;
                }
            } else {
                m = perform(m, action, policy, brand(m, tenant), now, out);
                if (action.kind() == DueAction.Kind.DEADLINE) {
                    // DEADLINE_PASSED is a state of its own, stored and counted: the force reset is the next timer's.
                    nextTimer = now;
                    break;
                }
            }
        }
        TrackedMailbox after = new TrackedMailbox(m, nextTimer);
        repository.save(before, after);
        countReminder(before, m, policy);
        if (before == null || OutputRecords.statusChanged(before.remediation(), m)) {
            out.emit(m.mailboxId(), new TrackerOutput.Status(OutputRecords.status(m)));
        }
        return after;
    }

    private static String brand(MailboxRemediation m, Optional<Tenant> tenant) {
        return m.identity().brand() != null ? m.identity().brand()
                : tenant.map(Tenant::defaultBrand).orElse(m.tenant());
    }

    /**
     * Keeps the per-day count of scheduled reminders in step. The next reminder is derived from the mailbox
     * alone, so the one counted before can be re-derived from the stored mailbox instead of being kept.
     */
    private void countReminder(TrackedMailbox before, MailboxRemediation after, RemediationPolicy policy) {
        LocalDate was = before == null ? null : reminderDay(before.remediation(), policy);
        LocalDate now = reminderDay(after, policy);
        if (!Objects.equals(was, now)) {
            repository.counts().reminderRescheduled(after.tenant(), was, now);
        }
    }

    private LocalDate reminderDay(MailboxRemediation m, RemediationPolicy policy) {
        return schedule.next(m, policy).filter(action -> action.kind() == DueAction.Kind.REMINDER)
                .map(action -> policy.quietHours().dayOf(action.dueAt())).orElse(null);
    }

    private MailboxRemediation issueNotice(MailboxRemediation m, DueAction action, RemediationPolicy policy,
                                           String brand, Instant now, Emitter out) {
        NoticeKind kind = action.noticeKind().orElseThrow();
        boolean redrive = action.kind() == DueAction.Kind.REDRIVE;
        Instant deadline = kind == NoticeKind.INITIAL_NOTICE && !redrive
                ? RemediationSchedule.deadlineFor(now, policy) : m.deadlineAt();
        String id = redrive ? NotificationIds.redriven(m.mailboxId(), kind, action.sequence(), m.redrives())
                : NotificationIds.of(m.mailboxId(), kind, action.sequence());
        out.emit(m.mailboxId(), new TrackerOutput.Notice(
                OutputRecords.notice(m, id, kind, action.sequence(), brand, deadline, now)));
        sendWindow.recordSent(m.tenant(), policy, now);
        repository.counts().noticeRequested(m.tenant(), kind);
        metrics.noticeRequested(m.tenant(), kind);
        return m.apply(redrive ? new RedriveIssued(now) : new NoticeIssued(kind, action.sequence(), now, deadline))
                .after();
    }

    private MailboxRemediation perform(MailboxRemediation m, DueAction action, RemediationPolicy policy, String brand,
                                       Instant now, Emitter out) {
        Instant respondBy = now.plus(policy.commandAnswerTimeout());
        return switch (action.kind()) {
            case LOCK -> issue(m.apply(new LockIssued(now, respondBy)).after(), brand, now, out);
            case DEADLINE -> m.apply(new DeadlineReached(now)).after();
            case FORCE_RESET -> issue(m.apply(new ForceResetIssued(now, respondBy)).after(), brand, now, out);
            case OTHER_CHANNEL -> issue(m.apply(new OtherChannelRequested(now, respondBy)).after(), brand, now, out);
            case COMMAND_FOLLOW_UP -> followUp(m, policy, brand, respondBy, now, out);
            default -> throw new IllegalStateException("not a non-mail action: " + action);
        };
    }

    /** An unanswered command is issued again with the next attempt, or escalated after the last one. */
    private MailboxRemediation followUp(MailboxRemediation m, RemediationPolicy policy, String brand, Instant respondBy,
                                        Instant now, Emitter out) {
        OpenCommand command = m.command();
        if (command.attempt() >= policy.commandAttempts()) {
            metrics.commandExhausted(m.tenant(), command.action());
            return m.apply(new CommandExhausted(now)).after();
        }
        MailboxRemediation next = m.apply(new CommandReissued(command.attempt() + 1, now, respondBy)).after();
        return issue(next, brand, now, out);
    }

    /** Publishes the mailbox's open command as it now stands (action, attempt, respond-by). */
    private MailboxRemediation issue(MailboxRemediation m, String brand, Instant now, Emitter out) {
        if (m.command() != null) {
            out.emit(m.mailboxId(), new TrackerOutput.Command(OutputRecords.command(m, m.command(), brand, now)));
            metrics.commandIssued(m.tenant(), m.command().action(), m.command().attempt());
        }
        return m;
    }
}
