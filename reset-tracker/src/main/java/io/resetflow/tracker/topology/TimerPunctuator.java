package io.resetflow.tracker.topology;

import io.resetflow.avro.PasswordResetEvent;
import io.resetflow.core.time.CampaignClock;
import io.resetflow.tracker.metrics.TrackerMetrics;
import io.resetflow.tracker.timers.DueIndex;
import io.resetflow.tracker.timers.TickBound;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One wall-clock tick: range-scans the due index up to campaign "now" in small batches and settles
 * each mailbox found, until nothing more is due or the tick's bound is reached. Entries whose mailbox
 * has moved on (rescheduled, remediated) are simply dropped: the settler re-derives what is due from
 * the mailbox itself.
 */
public final class TimerPunctuator {

    /** Entries read per range scan: one scan's iterator stays short-lived and its list small. */
    static final int BATCH = 500;

    /** Receives reset events whose mailbox never arrived. */
    @FunctionalInterface
    public interface ExpiredResets {
        void expired(PasswordResetEvent event, Instant now, Emitter out);
    }

    private final MailboxRepository repository;
    private final MailboxSettler settler;
    private final PendingResets pendingResets;
    private final CampaignClock clock;
    private final TickBound bound;
    private final TrackerMetrics metrics;
    private final ExpiredResets expiredResets;
    private final Consumer<String> tenantTouched;

    public TimerPunctuator(MailboxRepository repository, MailboxSettler settler, PendingResets pendingResets,
                           CampaignClock clock, TickBound bound, TrackerMetrics metrics, ExpiredResets expiredResets,
                           Consumer<String> tenantTouched) {
        this.repository = repository;
        this.settler = settler;
        this.pendingResets = pendingResets;
        this.clock = clock;
        this.bound = bound;
        this.metrics = metrics;
        this.expiredResets = expiredResets;
        this.tenantTouched = tenantTouched;
    }

    /** Returns how many due entries it handled. */
    public int tick(long wallClockMs, Emitter out) {
        Instant now = clock.toCampaign(wallClockMs);
        TickBound.Budget budget = bound.start();
        DueIndex due = repository.due();
        int handled = 0;
        boolean drained = false;
        while (!drained && budget.allows(handled)) {
            int wanted = Math.min(BATCH, budget.remaining(handled));
            List<DueIndex.Entry> batch = due.dueUpTo(now, wanted);
            for (DueIndex.Entry entry : batch) {
                fire(entry, now, out);
                due.handled(entry);
            }
            handled += batch.size();
            drained = batch.size() < wanted;
        }
        metrics.timersFired(handled);
        metrics.timersLeftOver(drained ? 0 : due.dueUpTo(now, 1).size());
        return handled;
    }

    private void fire(DueIndex.Entry entry, Instant now, Emitter out) {
        if (PendingResets.isExpiryTimer(entry.mailboxId())) {
            repository.due().remove(entry.dueAt(), entry.mailboxId());
            pendingResets.expire(entry.mailboxId()).ifPresent(event -> expiredResets.expired(event, now, out));
            return;
        }
        Optional<TrackedMailbox> stored = repository.find(entry.mailboxId());
        if (stored.isPresent() && entry.dueAt().equals(stored.get().scheduledAt())) {
            // Saving the settled mailbox replaces this entry with its next timer, if any.
            settler.settle(stored.get(), stored.get().remediation(), Optional.empty(), now)
                    .forEach(output -> out.emit(entry.mailboxId(), output));
            tenantTouched.accept(stored.get().remediation().tenant());
        } else {
            repository.due().remove(entry.dueAt(), entry.mailboxId());
        }
    }
}
