package io.resetflow.tracker.topology;

import io.resetflow.tracker.progress.PartialKeys;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/** Sends every task's partial counts of a tenant to the same partition, whatever the task. */
public final class TenantPartitioner<V> implements StreamPartitioner<String, V> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, V value, int numPartitions) {
        return Optional.of(Set.of(partitionOf(PartialKeys.tenantOf(key), numPartitions)));
    }

    /** The partition a tenant's progress goes to: where its history is written, and so where it is asked for. */
    public static int partitionOf(String tenant, int numPartitions) {
        return Utils.toPositive(Utils.murmur2(tenant.getBytes(StandardCharsets.UTF_8))) % numPartitions;
    }
}
