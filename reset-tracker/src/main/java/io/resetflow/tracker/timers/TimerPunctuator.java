package io.resetflow.tracker.timers;

import io.resetflow.avro.PasswordResetEvent;
import io.resetflow.tracker.metrics.TrackerMetrics;
import io.resetflow.tracker.topology.Emitter;
import io.resetflow.tracker.topology.MailboxRepository;
import io.resetflow.tracker.topology.MailboxSettler;
import io.resetflow.tracker.topology.PendingResets;
import io.resetflow.tracker.topology.TrackedMailbox;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One wall-clock tick: range-scans the due index up to campaign "now", at most {@code perTick}
 * entries, and settles each mailbox found. Entries whose mailbox has moved on (rescheduled,
 * remediated) are simply dropped: the settler re-derives what is due from the mailbox itself.
 */
public final class TimerPunctuator {

    /** Receives reset events whose mailbox never arrived. */
    @FunctionalInterface
    public interface ExpiredResets {
        void expired(PasswordResetEvent event, Instant now, Emitter out);
    }

    private final MailboxRepository repository;
    private final MailboxSettler settler;
    private final PendingResets pendingResets;
    private final CampaignClock clock;
    private final int perTick;
    private final TrackerMetrics metrics;
    private final ExpiredResets expiredResets;
    private final Consumer<String> tenantTouched;

    public TimerPunctuator(MailboxRepository repository, MailboxSettler settler, PendingResets pendingResets,
                           CampaignClock clock, int perTick, TrackerMetrics metrics, ExpiredResets expiredResets,
                           Consumer<String> tenantTouched) {
        this.repository = repository;
        this.settler = settler;
        this.pendingResets = pendingResets;
        this.clock = clock;
        this.perTick = perTick;
        this.metrics = metrics;
        this.expiredResets = expiredResets;
        this.tenantTouched = tenantTouched;
    }

    /** Returns how many due entries it handled. */
    public int tick(long wallClockMs, Emitter out) {
        Instant now = clock.toCampaign(wallClockMs);
        List<DueIndex.Entry> due = repository.due().dueUpTo(now, perTick + 1);
        List<DueIndex.Entry> handled = due.size() > perTick ? due.subList(0, perTick) : due;
        for (DueIndex.Entry entry : handled) {
            if (PendingResets.isExpiryTimer(entry.mailboxId())) {
                repository.due().remove(entry.dueAt(), entry.mailboxId());
                pendingResets.expire(entry.mailboxId()).ifPresent(event -> expiredResets.expired(event, now, out));
                continue;
            }
            Optional<TrackedMailbox> stored = repository.find(entry.mailboxId());
            if (stored.isPresent() && entry.dueAt().equals(stored.get().scheduledAt())) {
                // Saving the settled mailbox replaces this entry with its next timer, if any.
                settler.settle(stored.get(), stored.get().remediation(), now, out);
                tenantTouched.accept(stored.get().remediation().tenant());
            } else {
                repository.due().remove(entry.dueAt(), entry.mailboxId());
            }
        }
        metrics.timersFired(handled.size());
        metrics.timersLeftOver(due.size() - handled.size());
        return handled.size();
    }
}
