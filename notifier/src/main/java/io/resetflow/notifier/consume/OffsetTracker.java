package io.resetflow.notifier.consume;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets of each partition may be committed: everything below the oldest request still
 * without a final outcome. Requests finish out of order (retries, pacing), offsets commit in order.
 */
final class OffsetTracker {

    private static final class PartitionOffsets {
        final TreeSet<Long> open = new TreeSet<>();
        long next = -1;
        long committed = -1;

        long committable() {
            return open.isEmpty() ? next : open.first();
        }
    }

    private final Map<TopicPartition, PartitionOffsets> partitions = new HashMap<>();

    void received(TopicPartition partition, long offset) {
        PartitionOffsets offsets = partitions.computeIfAbsent(partition, p -> new PartitionOffsets());
        offsets.open.add(offset);
        offsets.next = Math.max(offsets.next, offset + 1);
    }

    void finished(TopicPartition partition, long offset) {
        PartitionOffsets offsets = partitions.get(partition);
        if (offsets != null) {
            offsets.open.remove(offset);
        }
    }

    /** The offsets that moved since the last commit. */
    Map<TopicPartition, OffsetAndMetadata> toCommit() {
        Map<TopicPartition, OffsetAndMetadata> result = new HashMap<>();
        partitions.forEach((partition, offsets) -> {
            long committable = offsets.committable();
            if (committable > offsets.committed) {
                result.put(partition, new OffsetAndMetadata(committable));
            }
        });
        return result;
    }

    void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((partition, offset) -> {
            PartitionOffsets tracked = partitions.get(partition);
            if (tracked != null) {
                tracked.committed = offset.offset();
            }
        });
    }

    void forget(TopicPartition partition) {
        partitions.remove(partition);
    }

    int open() {
        return partitions.values().stream().mapToInt(p -> p.open.size()).sum();
    }
}
