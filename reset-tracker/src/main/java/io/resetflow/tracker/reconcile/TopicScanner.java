package io.resetflow.tracker.reconcile;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic's partitions, read-committed, from their start to the snapshot's ends, and nothing
 * after: a live campaign's newer records wait for the next reconciliation. No consumer group: it
 * commits nothing and disturbs no service.
 */
final class TopicScanner implements AutoCloseable {

    /** Takes each record read, with the partition it was read from. */
    @FunctionalInterface
    interface Handler {
        void record(TopicPartition partition, ConsumerRecord<byte[], byte[]> record);
    }

    private static final Duration STALL = Duration.ofMinutes(2);

    private final KafkaConsumer<byte[], byte[]> consumer;

    TopicScanner(Map<String, Object> clientProperties) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 << 20);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 << 20);
        // The end is known: a fetch that finds nothing new should come back at once, not wait for data.
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Reads every record of the topic below the snapshot's end; returns how many. */
    long scan(String topic, Snapshot snapshot, Handler handler) {
        return scan(List.of(topic), snapshot, handler);
    }

    /**
     * Reads every record of the topics below the snapshot's ends, all partitions at once (so waiting
     * for one partition's last fetch overlaps with reading the others); returns how many.
     */
    long scan(Collection<String> topics, Snapshot snapshot, Handler handler) {
        List<TopicPartition> partitions = new java.util.ArrayList<>();
        topics.forEach(topic -> partitions.addAll(snapshot.partitionsOf(topic)));
        return scanPartitions(partitions, snapshot, handler);
    }

    /** Reads these partitions below the snapshot's ends, each in offset order; returns how many records. */
    long scanPartitions(Collection<TopicPartition> partitions, Snapshot snapshot, Handler handler) {
        return scanPartitions(partitions, snapshot, tp -> snapshot.starts().getOrDefault(tp, 0L), handler);
    }

    /** The same, each partition from the given offset (at least its log's start). */
    long scanPartitions(Collection<TopicPartition> partitions, Snapshot snapshot, ToLongFunction<TopicPartition> from,
                        Handler handler) {
        Map<TopicPartition, Long> starts = new HashMap<>();
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (TopicPartition tp : partitions) {
            long end = snapshot.ends().get(tp);
            long start = Math.max(from.applyAsLong(tp), snapshot.starts().getOrDefault(tp, 0L));
            if (end > start) {
                ends.put(tp, end);
                starts.put(tp, start);
            }
        }
        if (ends.isEmpty()) {
            return 0;
        }
        consumer.assign(List.copyOf(ends.keySet()));
        starts.forEach(consumer::seek);
        long read = 0;
        long lastProgress = System.nanoTime();
        while (!ends.isEmpty()) {
            var records = consumer.poll(Duration.ofMillis(100));
            for (TopicPartition tp : records.partitions()) {
                Long end = ends.get(tp);
                if (end == null) {
                    continue;
                }
                for (ConsumerRecord<byte[], byte[]> record : records.records(tp)) {
                    if (record.offset() < end) {
                        handler.record(tp, record);
                        read++;
                    }
                }
            }
            if (!records.isEmpty()) {
                lastProgress = System.nanoTime();
            }
            ends.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            consumer.pause(consumer.assignment().stream().filter(tp -> !ends.containsKey(tp)).toList());
            if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                throw new IllegalStateException("reading " + ends.keySet() + " made no progress for " + STALL.toMinutes()
                        + " minutes; still to read: " + ends);
            }
        }
        consumer.unsubscribe();
        return read;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
