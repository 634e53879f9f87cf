package io.resetflow.tracker.topology;

import io.resetflow.core.tenant.RemediationPolicy;
import io.resetflow.core.tenant.Tenant;
import io.resetflow.core.tenant.Tenants;
import io.resetflow.tracker.domain.DueAction;
import io.resetflow.tracker.domain.MailboxDecision;
import io.resetflow.tracker.domain.MailboxRemediation;
import io.resetflow.tracker.domain.RemediationEvent;
import io.resetflow.tracker.domain.SendRules;
import io.resetflow.tracker.metrics.TrackerMetrics;
import io.resetflow.tracker.timers.SendWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies the one {@link MailboxDecision} of a mailbox at a moment: saves the mailbox with its next
 * timer, counts what it sent, and returns the records to publish (notices, commands, cancels and its
 * status when that changed), all keyed by the mailbox id. Every decision is taken in the domain; this
 * class only carries it out against the stores.
 */
public final class MailboxSettler {

    private final MailboxRepository repository;
    private final MailboxDecision decision;
    private final Tenants tenants;
    private final SendWindow sendWindow;
    private final TrackerMetrics metrics;

    public MailboxSettler(MailboxRepository repository, MailboxDecision decision, Tenants tenants,
                          SendWindow sendWindow, TrackerMetrics metrics) {
        this.repository = repository;
        this.decision = decision;
        this.tenants = tenants;
        this.sendWindow = sendWindow;
        this.metrics = metrics;
    }

    /**
     * {@code before} is what was stored (null for a new mailbox), {@code current} the mailbox the input
     * applies to (the stored one, or a new one), {@code input} what happened (empty for a timer).
     */
    public List<TrackerOutput> settle(TrackedMailbox before, MailboxRemediation current,
                                      Optional<RemediationEvent> input, Instant now) {
        Optional<Tenant> tenant = tenants.byId(current.tenant());
        RemediationPolicy policy = tenant.map(Tenant::policy).orElse(RemediationPolicy.DEFAULT);
        SendRules.DailySends sends = new SendRules.DailySends(sendWindow.sentToday(current.tenant(), policy, now),
                sendWindow.dailyShare(policy));
        MailboxDecision.Outcome outcome = decision.decide(current, input, now, policy, sends);
        MailboxRemediation m = outcome.after();
        String brand = m.identity().brand() != null ? m.identity().brand()
                : tenant.map(Tenant::defaultBrand).orElse(m.tenant());
        List<TrackerOutput> outputs = new ArrayList<>();
        for (MailboxDecision.Effect effect : outcome.effects()) {
            outputs.addAll(carryOut(effect, m, policy, brand, now));
        }
        TrackedMailbox after = new TrackedMailbox(m, outcome.nextTimer());
        repository.save(before, after);
        countReminder(before, m, policy);
        if (before == null || OutputRecords.statusChanged(before.remediation(), m)) {
            outputs.add(new TrackerOutput.Status(OutputRecords.status(m)));
        }
        return outputs;
    }

    private List<TrackerOutput> carryOut(MailboxDecision.Effect effect, MailboxRemediation m, RemediationPolicy policy,
                                         String brand, Instant now) {
        if (effect instanceof MailboxDecision.Notice notice) {
            sendWindow.recordSent(m.tenant(), policy, now);
            repository.counts().noticeRequested(m.tenant(), notice.kind());
            metrics.noticeRequested(m.tenant(), notice.kind());
            return List.of(new TrackerOutput.Notice(OutputRecords.notice(m, notice.notificationId(), notice.kind(),
                    notice.sequence(), brand, notice.deadline(), now)));
        } else if (effect instanceof MailboxDecision.Command command) {
            metrics.commandIssued(m.tenant(), command.command().action(), command.command().attempt());
            return List.of(new TrackerOutput.Command(OutputRecords.command(m, command.command(), brand, now)));
        } else if (effect instanceof MailboxDecision.Cancel cancel) {
            metrics.commandCancelled(m.tenant(), cancel.command().action());
            return List.of(new TrackerOutput.Command(OutputRecords.cancel(m, cancel.command(), m.reason(), now)));
        } else if (effect instanceof MailboxDecision.Exhausted exhausted) {
            metrics.commandExhausted(m.tenant(), exhausted.action());
        } else if (effect instanceof MailboxDecision.Deferred deferred) {
            metrics.noticeDeferred(m.tenant(), deferred.cause().name());
        }
        return List.of();
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
        return decision.schedule().next(m, policy).filter(action -> action.kind() == DueAction.Kind.REMINDER)
                .map(action -> policy.quietHours().dayOf(action.dueAt())).orElse(null);
    }
}
