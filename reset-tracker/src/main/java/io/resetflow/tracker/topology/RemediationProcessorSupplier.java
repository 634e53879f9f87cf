package io.resetflow.tracker.topology;

import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;

/** Declares the remediation processor together with the stores it owns. */
public final class RemediationProcessorSupplier
        implements ProcessorSupplier<String, TrackerInput, String, TrackerOutput> {

    private final RemediationProcessor.Settings settings;
    private final TrackerStores stores;

    public RemediationProcessorSupplier(RemediationProcessor.Settings settings, TrackerStores stores) {
        this.settings = settings;
        this.stores = stores;
    }

    @Override
    public Processor<String, TrackerInput, String, TrackerOutput> get() {
        return new RemediationProcessor(settings);
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        return Set.of(stores.mailboxes(), stores.due(), stores.byState(), stores.counts(), stores.sentPerDay(),
                stores.pendingResets());
    }
}
