package io.resetflow.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The broker's own speed for records the size of a breach row: the baseline the pipeline is measured against. */
final class RawKafka {

    /** Bytes of a typical serialized breach row. */
    static final int RECORD_BYTES = 150;
    /** How long a bench waits for its records before it fails instead of hanging. */
    static final Duration COMPLETION_TIMEOUT = Duration.ofMinutes(30);

    record Rate(long records, double seconds) {
        double perSecond() {
            return records / seconds;
        }

        double megabytesPerSecond() {
            return records * (double) RECORD_BYTES / seconds / (1 << 20);
        }
    }

    private final String bootstrap;
    private final int partitions;

    RawKafka(String bootstrap, int partitions) {
        this.bootstrap = bootstrap;
        this.partitions = partitions;
    }

    /** Same producer settings as the import: acks=all, idempotent, lz4, 256 KiB batches. */
    Rate produce(String topic, long records) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
        byte[][] values = new byte[1024][RECORD_BYTES];
        Random random = new Random(1);
        for (byte[] value : values) {
            for (int i = 0; i < value.length; i++) {
                value[i] = (byte) ('a' + random.nextInt(26));
            }
        }
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            // One acknowledged record per partition first: a freshly created partition may still be unknown to the
            // broker when the first pipelined batches arrive, and a retried first batch then fails on sequence order.
            for (int partition = 0; partition < partitions; partition++) {
                producer.send(new ProducerRecord<>(topic, partition, null, values[partition])).get();
            }
            for (long i = partitions; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, values[(int) (i & 1023)]), (m, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return new Rate(records, (System.nanoTime() - start) / 1e9);
    }

    Rate consume(String topic, long records) {
        long start = System.nanoTime();
        awaitCommittedRecords(bootstrap, List.of(topic), records, COMPLETION_TIMEOUT);
        return new Rate(records, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Reads the topics (read_committed) from the beginning until {@code expected} records were seen;
     * throws, with how many it saw, when they are not there within {@code timeout}.
     */
    static long awaitCommittedRecords(String bootstrap, Collection<String> topics, long expected, Duration timeout) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            topics.forEach(topic -> consumer.partitionsFor(topic)
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long seen = 0;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (seen < expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(seen + " of " + expected + " records on " + topics + " after " + timeout);
                }
                seen += consumer.poll(Duration.ofMillis(200)).count();
            }
            return seen;
        }
    }
}
