package io.resetflow.bench.tracker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Counts the committed records (read_committed, from the beginning) on the tracker's output topics in
 * the background: what the tracker has durably emitted is what a downstream service can see.
 */
final class OutputCounter implements AutoCloseable {

    private final Map<String, LongAdder> perTopic = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread poller;

    OutputCounter(String bootstrap, Collection<String> topics) {
        topics.forEach(topic -> perTopic.put(topic, new LongAdder()));
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        topics.forEach(topic -> consumer.partitionsFor(topic)
                .forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        poller = new Thread(() -> {
            try (consumer) {
                while (running.get()) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        perTopic.get(record.topic()).increment();
                    }
                }
            }
        }, "bench-output-counter");
        poller.setDaemon(true);
        poller.start();
    }

    LongSupplier count(Collection<String> topics) {
        List<LongAdder> adders = topics.stream().map(perTopic::get).toList();
        return () -> adders.stream().mapToLong(LongAdder::sum).sum();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        poller.join();
    }
}
