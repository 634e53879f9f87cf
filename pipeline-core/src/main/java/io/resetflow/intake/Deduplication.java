package io.resetflow.intake;

import java.time.Instant;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Lets the first occurrence of each mailbox through, keyed by mailbox id from here on, and counts
 * the rest. The store (RocksDB, changelogged) maps mailbox id to the acceptance time; one small
 * entry per mailbox keeps all 14.22M mailboxes on disk, not in heap. Input must be partitioned by
 * partition key, so that every occurrence of a mailbox meets the same store partition.
 */
final class Deduplication implements ProcessorSupplier<String, RowVerdict.Valid, String, AcceptedMailbox> {

    static final String STORE = "intake-accepted-mailboxes";

    private final StoreBuilder<KeyValueStore<String, Long>> store =
            Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.Long());
    private final DuplicateCounter duplicates;

    Deduplication(DuplicateCounter duplicates) {
        this.duplicates = duplicates;
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        return Set.of(store);
    }

    @Override
    public Processor<String, RowVerdict.Valid, String, AcceptedMailbox> get() {
        return new Processor<>() {
            private ProcessorContext<String, AcceptedMailbox> context;
            private KeyValueStore<String, Long> accepted;

            @Override
            public void init(ProcessorContext<String, AcceptedMailbox> context) {
                this.context = context;
                this.accepted = context.getStateStore(store.name());
            }

            @Override
            public void process(Record<String, RowVerdict.Valid> record) {
                RowVerdict.Valid row = record.value();
                long now = context.currentSystemTimeMs();
                if (accepted.putIfAbsent(row.mailboxId(), now) != null) {
                    duplicates.duplicate(row.normalized().getTenant());
                    return;
                }
                context.forward(record.withKey(row.mailboxId()).withValue(
                        new AcceptedMailbox(row.mailboxId(), row.normalized(), Instant.ofEpochMilli(now))));
            }
        };
    }
}
