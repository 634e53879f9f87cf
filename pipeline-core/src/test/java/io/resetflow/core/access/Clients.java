package io.resetflow.core.access;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain string clients for the ACL tests: what an ISP's own consumer or producer would do. */
final class Clients {

    private Clients() {
    }

    static RecordMetadata produce(Map<String, Object> client, String topic, String key, String value)
            throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producer(client), new StringSerializer(),
                new StringSerializer())) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(20, TimeUnit.SECONDS);
        }
    }

    /** Commits one record in a transaction under the given transactional id. */
    static void produceTransactionally(Map<String, Object> client, String transactionalId, String topic, String value) {
        Map<String, Object> props = producer(client);
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", value));
            producer.commitTransaction();
        }
    }

    /** Reads partition 0 of the topic from the start as the given group, until a record or the deadline. */
    static List<ConsumerRecord<String, String>> readFirst(Map<String, Object> client, String topic, String group) {
        Map<String, Object> props = new HashMap<>(client);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            Instant deadline = Instant.now().plusSeconds(20);
            while (Instant.now().isBefore(deadline)) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    return records.records(new TopicPartition(topic, 0));
                }
            }
            return List.of();
        }
    }

    private static Map<String, Object> producer(Map<String, Object> client) {
        Map<String, Object> props = new HashMap<>(client);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return props;
    }
}
