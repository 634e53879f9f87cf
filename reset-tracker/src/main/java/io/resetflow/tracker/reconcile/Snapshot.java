package io.resetflow.tracker.reconcile;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The instant reconciled to: each service's committed offsets, read first, then every evidence
 * topic's committed end. Whatever a service consumed before the instant had its outputs committed by
 * then (exactly-once: outputs and offsets commit together), so reading up to these ends sees them;
 * what it had not consumed yet is pending, not missing.
 */
record Snapshot(Instant takenAt, Map<TopicPartition, Long> starts, Map<TopicPartition, Long> ends,
                Map<String, Map<TopicPartition, Long>> committedByGroup, Set<String> missingTopics) {

    static Snapshot take(Admin admin, Collection<String> topics, Collection<String> groups) {
        try {
            Map<String, Map<TopicPartition, Long>> committed = new HashMap<>();
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> offsets =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, Long> plain = new HashMap<>();
                offsets.forEach((tp, offset) -> {
                    if (offset != null) {
                        plain.put(tp, offset.offset());
                    }
                });
                committed.put(group, plain);
            }
            Instant takenAt = Instant.now();
            Set<String> missing = new LinkedHashSet<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(topics).topicNameValues();
            for (String topic : topics) {
                try {
                    for (var partition : described.get(topic).get().partitions()) {
                        TopicPartition tp = new TopicPartition(topic, partition.partition());
                        latest.put(tp, OffsetSpec.latest());
                        earliest.put(tp, OffsetSpec.earliest());
                    }
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        throw e;
                    }
                    missing.add(topic);
                }
            }
            ListOffsetsOptions readCommitted = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);
            Map<TopicPartition, Long> ends = offsets(admin.listOffsets(latest, readCommitted).all().get());
            Map<TopicPartition, Long> starts = offsets(admin.listOffsets(earliest, readCommitted).all().get());
            return new Snapshot(takenAt, starts, ends, committed, missing);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while taking the snapshot", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read offsets from the cluster: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    private static Map<TopicPartition, Long> offsets(Map<TopicPartition, ? extends
            org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo> infos) {
        return infos.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    List<TopicPartition> partitionsOf(String topic) {
        return ends.keySet().stream().filter(tp -> tp.topic().equals(topic))
                .sorted((a, b) -> Integer.compare(a.partition(), b.partition())).toList();
    }

    /** The group's committed offset on a partition; 0 when it has committed none (it consumed nothing there). */
    long committed(String group, TopicPartition tp) {
        return committedByGroup.getOrDefault(group, Map.of()).getOrDefault(tp, 0L);
    }

    /** Whether records of the partition were deleted: its log no longer starts at offset 0. */
    boolean truncated(TopicPartition tp) {
        return starts.getOrDefault(tp, 0L) > 0;
    }
}
