package io.resetflow.local;

import io.resetflow.serde.AvroDeserializer;
import io.resetflow.serde.AvroSerdeConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Everything committed on some topics up to their current end, read with Avro's specific reader. */
public final class TopicContents {

    private TopicContents() {
    }

    public static List<Object> readAll(Map<String, Object> client, String registryUrl, Collection<String> topics) {
        Properties props = new Properties();
        props.putAll(client);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        AvroDeserializer<Object> values = new AvroDeserializer<>();
        values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl,
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        List<Object> read = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(props, new StringDeserializer(), values)) {
            Set<TopicPartition> partitions = topics.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic).stream()
                            .map(info -> new TopicPartition(topic, info.partition())))
                    .collect(Collectors.toSet());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null) {
                        read.add(record.value());
                    }
                }
            }
        }
        return read;
    }
}
