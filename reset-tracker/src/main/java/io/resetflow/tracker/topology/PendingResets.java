package io.resetflow.tracker.topology;

import io.resetflow.avro.PasswordResetEvent;
import io.resetflow.tracker.timers.DueIndex;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Reset events that arrived before their mailbox's intake record (the two come on different topics).
 * They wait, keyed {@code mailboxId|eventId}, for a grace period: the intake record applies them; when
 * the grace period ends first, the timer rejects them as UNKNOWN_MAILBOX. Their expiry timers share
 * the due index under the marker {@value #TIMER_MARKER}, which no mailbox id (base64url) can contain.
 *
 * <p>Every intake record asks whether events wait for its mailbox, and almost always none do: the
 * number waiting in this task is known (counted once when the task starts, then kept up to date, as
 * only this task writes the store), so the store is searched only while some are waiting.
 */
public final class PendingResets {

    public static final String TIMER_MARKER = "reset|";
    private static final StringSerializer KEYS = new StringSerializer();

    private final KeyValueStore<String, PasswordResetEvent> store;
    private final DueIndex due;
    private long waiting;

    public PendingResets(KeyValueStore<String, PasswordResetEvent> store, DueIndex due) {
        this.store = store;
        this.due = due;
        try (KeyValueIterator<String, PasswordResetEvent> all = store.all()) {
            while (all.hasNext()) {
                all.next();
                waiting++;
            }
        }
    }

    public void park(String mailboxId, PasswordResetEvent event, Instant expiresAt) {
        String key = mailboxId + "|" + event.getEventId();
        if (store.get(key) == null) {
            store.put(key, event);
            due.add(expiresAt, TIMER_MARKER + key);
            waiting++;
        }
    }

    /** Removes and returns the events waiting for the mailbox (their timers find nothing later). */
    public List<PasswordResetEvent> takeAll(String mailboxId) {
        if (waiting == 0) {
            return List.of();
        }
        List<KeyValue<String, PasswordResetEvent>> taken = new ArrayList<>();
        try (KeyValueIterator<String, PasswordResetEvent> range = store.prefixScan(mailboxId + "|", KEYS)) {
            range.forEachRemaining(taken::add);
        }
        taken.forEach(kv -> store.delete(kv.key));
        waiting -= taken.size();
        return taken.stream().map(kv -> kv.value).toList();
    }

    public static boolean isExpiryTimer(String timerId) {
        return timerId.startsWith(TIMER_MARKER);
    }

    /** The event whose grace period a timer marks, removed; empty if its intake came in time. */
    public Optional<PasswordResetEvent> expire(String timerId) {
        String key = timerId.substring(TIMER_MARKER.length());
        PasswordResetEvent event = store.delete(key);
        if (event != null) {
            waiting--;
        }
        return Optional.ofNullable(event);
    }
}
