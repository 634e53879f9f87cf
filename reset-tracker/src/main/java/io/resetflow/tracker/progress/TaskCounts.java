package io.resetflow.tracker.progress;

import io.resetflow.avro.AccountLifecycle;
import io.resetflow.avro.DeliveryStatus;
import io.resetflow.avro.NoticeKind;
import io.resetflow.avro.RecipientChannel;
import io.resetflow.avro.RemediationState;
import io.resetflow.avro.TenantProgress;
import io.resetflow.tracker.domain.MailboxRemediation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One task's per-tenant counters, moved by every transition (-1 old state, +1 new state) and never
 * recomputed by scanning mailboxes. Keys are {@code tenant|dimension|value}: {@code state|NOTIFIED},
 * {@code lifecycle|ACTIVE|total}, {@code lifecycle|ACTIVE|remediated}, {@code channel|MAILBOX|SENT},
 * {@code notices|REMINDER}, {@code reached|NOTIFIED} (mailboxes that ever entered the state: the funnel),
 * {@code deliveries|DEFERRED} (every outcome the notifier reported, temporary ones included) and
 * {@code reminders|2025-06-04} (reminders scheduled for that Tokyo date). A tenant's counters are one
 * small prefix range.
 *
 * <p>Every mailbox moves several counters, so their current values are also kept in a small map (a
 * few hundred keys per task, none per mailbox): a move reads the map and writes the store, instead
 * of a store read and write. Only this task writes its store, so the two cannot disagree; a new
 * instance (after a restart or restore) starts with an empty map and reads each key once.
 */
public final class TaskCounts {

    private static final StringSerializer KEYS = new StringSerializer();

    private final KeyValueStore<String, Long> store;
    private final Map<String, Long> current = new HashMap<>();
    private final Map<LocalDate, String> dayNames = new HashMap<>();

    public TaskCounts(KeyValueStore<String, Long> store) {
        this.store = store;
    }

    public void stateChanged(MailboxRemediation before, MailboxRemediation after) {
        String tenant = after.tenant();
        AccountLifecycle lifecycle = after.identity().lifecycle();
        if (before == null) {
            add(tenant + "|lifecycle|" + lifecycle + "|total", 1);
        } else if (before.state() == after.state()) {
            return;
        } else {
            add(stateKey(tenant, before.state()), -1);
        }
        add(stateKey(tenant, after.state()), 1);
        add(tenant + "|reached|" + after.state().name(), 1);
        boolean wasRemediated = before != null && before.isRemediated();
        if (after.isRemediated() != wasRemediated) {
            add(tenant + "|lifecycle|" + lifecycle + "|remediated", after.isRemediated() ? 1 : -1);
        }
    }

    public void delivery(String tenant, RecipientChannel channel, DeliveryStatus status) {
        add(tenant + "|channel|" + channel + "|" + status, 1);
    }

    /** Every outcome the notifier reported, whatever it did to the mailbox. */
    public void outcomeReported(String tenant, DeliveryStatus status) {
        add(tenant + "|deliveries|" + status, 1);
    }

    /** A mailbox's next reminder moved from one Tokyo day to another (either may be absent). */
    public void reminderRescheduled(String tenant, LocalDate from, LocalDate to) {
        if (from != null) {
            add(tenant + "|reminders|" + dayName(from), -1);
        }
        if (to != null) {
            add(tenant + "|reminders|" + dayName(to), 1);
        }
    }

    public void noticeRequested(String tenant, NoticeKind kind) {
        add(tenant + "|notices|" + kind, 1);
    }

    /** This task's counts for the tenant, every state present (zero if none). */
    public TenantProgress progress(String tenant, Instant asOf) {
        Map<String, Long> byState = new LinkedHashMap<>();
        for (RemediationState state : RemediationState.values()) {
            byState.put(state.name(), 0L);
        }
        try (KeyValueIterator<String, Long> range = store.prefixScan(tenant + "|state|", KEYS)) {
            range.forEachRemaining(kv -> byState.put(kv.key.substring(kv.key.lastIndexOf('|') + 1), kv.value));
        }
        return ProgressMath.progress(tenant, byState, asOf);
    }

    /** Every counter of the tenant, keyed without the tenant prefix. */
    public Map<String, Long> all(String tenant) {
        Map<String, Long> counters = new LinkedHashMap<>();
        String prefix = tenant + "|";
        try (KeyValueIterator<String, Long> range = store.prefixScan(prefix, KEYS)) {
            while (range.hasNext()) {
                KeyValue<String, Long> kv = range.next();
                counters.put(kv.key.substring(prefix.length()), kv.value);
            }
        }
        return counters;
    }

    private void add(String key, long delta) {
        Long known = current.get(key);
        if (known == null) {
            Long stored = store.get(key);
            known = stored == null ? 0L : stored;
        }
        long updated = known + delta;
        store.put(key, updated);
        current.put(key, updated);
    }

    private String dayName(LocalDate day) {
        return dayNames.computeIfAbsent(day, LocalDate::toString);
    }

    private static String stateKey(String tenant, RemediationState state) {
        return tenant + "|state|" + state.name();
    }
}
