package io.resetflow.tracker.topology;

import io.resetflow.avro.PasswordResetEvent;
import io.resetflow.avro.TenantProgress;
import io.resetflow.serde.AvroSerdes;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The tracker's state stores, all RocksDB: nothing per mailbox lives on the heap. Each is declared
 * once here and attached by the processor supplier that uses it; queries refer to the same names.
 */
public final class TrackerStores {

    /** mailboxId -> TrackedMailbox. */
    public static final String MAILBOXES = "tracker-mailboxes";
    /** dueAt|mailboxId -> nothing: the timer index. */
    public static final String DUE = "tracker-due";
    /** tenant|state|mailboxId -> nothing: stragglers by state without a full scan. */
    public static final String BY_STATE = "tracker-by-state";
    /** tenant|dimension|value -> count, per task (see TaskCounts). */
    public static final String COUNTS = "tracker-counts";
    /** tenant|Tokyo date -> notices requested that day by this task. */
    public static final String SENT_PER_DAY = "tracker-sent-per-day";
    /** mailboxId -> reset event that arrived before the mailbox's intake record. */
    public static final String PENDING_RESETS = "tracker-pending-resets";
    /** tenant|partition -> that task's counts, summed into the tenant's progress. */
    public static final String PROGRESS_PARTIALS = "tracker-progress-partials";
    /** tenant|campaign minute -> the tenant's progress then: the burn-down history. */
    public static final String PROGRESS_HISTORY = "tracker-progress-history";
    /** tenant -> latest TenantProgress, a global copy of the progress topic on every instance. */
    public static final String PROGRESS = "tracker-progress";

    private final AvroSerdes serdes;

    public TrackerStores(AvroSerdes serdes) {
        this.serdes = serdes;
    }

    public StoreBuilder<KeyValueStore<String, TrackedMailbox>> mailboxes() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MAILBOXES), Serdes.String(),
                new TrackedMailboxSerde());
    }

    public StoreBuilder<KeyValueStore<Bytes, byte[]>> due() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DUE), Serdes.Bytes(), Serdes.ByteArray());
    }

    public StoreBuilder<KeyValueStore<String, byte[]>> byState() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BY_STATE), Serdes.String(),
                Serdes.ByteArray());
    }

    public StoreBuilder<KeyValueStore<String, Long>> counts() {
        // A few hundred hot keys per task, touched by every mailbox: cached, they cost one changelog
        // record per key and commit instead of one per mailbox.
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(COUNTS), Serdes.String(), Serdes.Long())
                .withCachingEnabled();
    }

    public StoreBuilder<KeyValueStore<String, Long>> sentPerDay() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SENT_PER_DAY), Serdes.String(),
                Serdes.Long()).withCachingEnabled();
    }

    public StoreBuilder<KeyValueStore<String, PasswordResetEvent>> pendingResets() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING_RESETS), Serdes.String(),
                serdes.value(PasswordResetEvent.class));
    }

    public StoreBuilder<KeyValueStore<String, TenantProgress>> progressPartials() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PROGRESS_PARTIALS), Serdes.String(),
                serdes.value(TenantProgress.class));
    }

    public StoreBuilder<KeyValueStore<String, TenantProgress>> progressHistory() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PROGRESS_HISTORY), Serdes.String(),
                serdes.value(TenantProgress.class));
    }
}
