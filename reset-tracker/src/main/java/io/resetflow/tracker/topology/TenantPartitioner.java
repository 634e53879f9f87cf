package io.resetflow.tracker.topology;

import io.resetflow.tracker.progress.PartialKeys;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/** Sends every task's partial counts of a tenant to the same partition, whatever the task. */
final class TenantPartitioner<V> implements StreamPartitioner<String, V> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, V value, int numPartitions) {
        byte[] tenant = PartialKeys.tenantOf(key).getBytes(StandardCharsets.UTF_8);
        return Optional.of(Set.of(Utils.toPositive(Utils.murmur2(tenant)) % numPartitions));
    }
}
