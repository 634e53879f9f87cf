package io.resetflow.intake;

import io.resetflow.avro.BreachRow;
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
 * Lets the first occurrence of each mailbox through and counts the rest. The store (RocksDB,
 * changelogged) maps mailbox id to the acceptance time; one small entry per mailbox keeps all
 * 14.22M mailboxes on disk, not in heap. Input must be keyed and partitioned by mailbox id.
 */
final class Deduplication implements ProcessorSupplier<String, BreachRow, String, AcceptedMailbox> {

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
    public Processor<String, BreachRow, String, AcceptedMailbox> get() {
        return new Processor<>() {
            private ProcessorContext<String, AcceptedMailbox> context;
            private KeyValueStore<String, Long> accepted;

            @Override
            public void init(ProcessorContext<String, AcceptedMailbox> context) {
                this.context = context;
                this.accepted = context.getStateStore(store.name());
            }

            @Override
            public void process(Record<String, BreachRow> record) {
                long now = context.currentSystemTimeMs();
                if (accepted.putIfAbsent(record.key(), now) != null) {
                    duplicates.duplicate(record.value().getTenant());
                    return;
                }
                context.forward(record.withValue(
                        new AcceptedMailbox(record.key(), record.value(), Instant.ofEpochMilli(now))));
            }
        };
    }
}
