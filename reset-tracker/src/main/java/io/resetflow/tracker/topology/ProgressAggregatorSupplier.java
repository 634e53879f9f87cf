package io.resetflow.tracker.topology;

import io.resetflow.avro.TenantProgress;
import io.resetflow.tracker.progress.HistoryKeys;
import io.resetflow.tracker.progress.PartialKeys;
import io.resetflow.tracker.progress.ProgressMath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Sums the tasks' partial counts of a tenant into its progress: each partial is a complete snapshot of
 * one task's share (not a delta), so replacing it and summing the few partials is exact and
 * idempotent. Every new total is also written to the per-minute history (burn-down charts).
 */
public final class ProgressAggregatorSupplier
        implements ProcessorSupplier<String, TenantProgress, String, TenantProgress> {

    private final TrackerStores stores;

    public ProgressAggregatorSupplier(TrackerStores stores) {
        this.stores = stores;
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        return Set.of(stores.progressPartials(), stores.progressHistory());
    }

    @Override
    public Processor<String, TenantProgress, String, TenantProgress> get() {
        return new Processor<>() {
            private final StringSerializer keys = new StringSerializer();
            private ProcessorContext<String, TenantProgress> context;
            private KeyValueStore<String, TenantProgress> partials;
            private KeyValueStore<String, TenantProgress> history;

            @Override
            public void init(ProcessorContext<String, TenantProgress> context) {
                this.context = context;
                partials = context.getStateStore(TrackerStores.PROGRESS_PARTIALS);
                history = context.getStateStore(TrackerStores.PROGRESS_HISTORY);
            }

            @Override
            public void process(Record<String, TenantProgress> record) {
                partials.put(record.key(), record.value());
                String tenant = PartialKeys.tenantOf(record.key());
                List<TenantProgress> shares = new ArrayList<>();
                try (KeyValueIterator<String, TenantProgress> range = partials.prefixScan(tenant + "|", keys)) {
                    range.forEachRemaining(kv -> shares.add(kv.value));
                }
                Instant asOf = record.value().getAsOf();
                TenantProgress total = ProgressMath.sum(tenant, shares, asOf);
                history.put(HistoryKeys.key(tenant, asOf), total);
                context.forward(record.withKey(tenant).withValue(total));
            }
        };
    }
}
