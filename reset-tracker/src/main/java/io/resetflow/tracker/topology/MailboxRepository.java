package io.resetflow.tracker.topology;

import io.resetflow.avro.RemediationState;
import io.resetflow.tracker.domain.MailboxRemediation;
import io.resetflow.tracker.progress.TaskCounts;
import io.resetflow.tracker.timers.DueIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Saves a mailbox and keeps its three derived views in step: the timer index, the by-state index and
 * the task's counters. Every write goes through here, so the views cannot drift from the mailboxes.
 */
public final class MailboxRepository {

    private static final byte[] NOTHING = new byte[0];

    private final KeyValueStore<String, TrackedMailbox> mailboxes;
    private final DueIndex due;
    private final KeyValueStore<String, byte[]> byState;
    private final TaskCounts counts;

    public MailboxRepository(KeyValueStore<String, TrackedMailbox> mailboxes, DueIndex due,
                             KeyValueStore<String, byte[]> byState, TaskCounts counts) {
        this.mailboxes = mailboxes;
        this.due = due;
        this.byState = byState;
        this.counts = counts;
    }

    public Optional<TrackedMailbox> find(String mailboxId) {
        return Optional.ofNullable(mailboxes.get(mailboxId));
    }

    /** The task's mailboxes of a tenant in a state, by the by-state index: one key range, no other mailbox read. */
    public List<String> mailboxIdsIn(String tenant, RemediationState state) {
        List<String> ids = new ArrayList<>();
        String prefix = StateIndexKeys.prefix(tenant, state);
        try (KeyValueIterator<String, byte[]> range = byState.range(prefix, prefix + StateIndexKeys.END)) {
            range.forEachRemaining(entry -> ids.add(StateIndexKeys.mailboxIdOf(entry.key)));
        }
        return ids;
    }

    public DueIndex due() {
        return due;
    }

    public TaskCounts counts() {
        return counts;
    }

    /** {@code before} is null for a mailbox seen for the first time. */
    public void save(TrackedMailbox before, TrackedMailbox after) {
        if (after.equals(before)) {
            return;
        }
        MailboxRemediation now = after.remediation();
        MailboxRemediation was = before == null ? null : before.remediation();
        mailboxes.put(now.mailboxId(), after);
        if (before == null || !Objects.equals(before.scheduledAt(), after.scheduledAt())) {
            if (before != null && before.scheduledAt() != null) {
                due.remove(before.scheduledAt(), now.mailboxId());
            }
            if (after.scheduledAt() != null) {
                due.add(after.scheduledAt(), now.mailboxId());
            }
        }
        if (was == null || was.state() != now.state()) {
            if (was != null) {
                byState.delete(StateIndexKeys.key(was.tenant(), was.state(), was.mailboxId()));
            }
            byState.put(StateIndexKeys.key(now.tenant(), now.state(), now.mailboxId()), NOTHING);
        }
        counts.stateChanged(was, now);
    }
}
