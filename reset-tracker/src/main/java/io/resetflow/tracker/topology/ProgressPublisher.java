package io.resetflow.tracker.topology;

import io.resetflow.tracker.progress.PartialKeys;
import io.resetflow.tracker.progress.TaskCounts;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Publishes this task's counts of each tenant whose counts moved since the last publication, keyed
 * {@code tenant|partition}. Every tenant is published once after start-up, so a restarted task
 * re-announces its share.
 */
public final class ProgressPublisher {

    private final TaskCounts counts;
    private final int partition;
    private final Set<String> touched = new LinkedHashSet<>();

    public ProgressPublisher(TaskCounts counts, List<String> tenants, int partition) {
        this.counts = counts;
        this.partition = partition;
        touched.addAll(tenants);
    }

    public void touched(String tenant) {
        touched.add(tenant);
    }

    public void publish(Instant now, Emitter out) {
        for (String tenant : touched) {
            out.emit(PartialKeys.key(tenant, partition), new TrackerOutput.PartialProgress(counts.progress(tenant, now)));
        }
        touched.clear();
    }
}
