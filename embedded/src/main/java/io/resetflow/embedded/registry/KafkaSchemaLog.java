package io.resetflow.embedded.registry;

import io.resetflow.embedded.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The registry's durable state: a single-partition compacted topic. A record counts once the broker
 * acknowledged it to all in-sync replicas; reading the topic from the start rebuilds the state.
 */
final class KafkaSchemaLog implements AutoCloseable {

    private final String topic;
    private final TopicPartition partition;
    private final RegistryRecordCodec codec;
    private final Duration timeout;
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;

    private KafkaSchemaLog(String topic, Map<String, Object> clientProperties, RegistryRecordCodec codec,
                           Duration timeout) {
        this.topic = topic;
        this.partition = new TopicPartition(topic, 0);
        this.codec = codec;
        this.timeout = timeout;
        this.producer = new KafkaProducer<>(producerProperties(clientProperties, timeout),
                new StringSerializer(), new StringSerializer());
        this.consumer = new KafkaConsumer<>(consumerProperties(clientProperties),
                new StringDeserializer(), new StringDeserializer());
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
    }

    /** Creates the topic when missing and opens it for reading from the beginning and for appending. */
    static KafkaSchemaLog open(String topic, Map<String, Object> clientProperties, RegistryRecordCodec codec,
                               Duration timeout) {
        try (Admin admin = Admin.create(clientProperties)) {
            Topics.createMissing(admin, List.of(Topics.compacted(topic, 1)));
        }
        return new KafkaSchemaLog(topic, clientProperties, codec, timeout);
    }

    /** Applies every record not read yet, up to the end of the log as it is now. */
    void catchUp(Consumer<RegistryRecord> sink) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
        while (consumer.position(partition, timeout) < end) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Could not read " + topic + " up to offset " + end + " in " + timeout);
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                codec.decode(record.key(), record.value()).ifPresent(sink);
            }
        }
    }

    /** Returns once the record is durably written; throws when that cannot be confirmed. */
    void append(RegistryRecord record) {
        try {
            producer.send(new ProducerRecord<>(topic, 0, codec.key(record), codec.value(record)))
                    .get(timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not write to " + topic + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("No acknowledgement from " + topic + " in " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        consumer.close(Duration.ofSeconds(5));
    }

    private static Map<String, Object> producerProperties(Map<String, Object> clientProperties, Duration timeout) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        int timeoutMs = (int) timeout.toMillis();
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 10_000));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(timeoutMs, 10_000 + 1));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "embedded-schema-registry-writer");
        return props;
    }

    private static Map<String, Object> consumerProperties(Map<String, Object> clientProperties) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "embedded-schema-registry-reader");
        return props;
    }
}
