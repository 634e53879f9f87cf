package io.resetflow.core.streams;

import io.resetflow.core.config.CommonConfig;
import io.resetflow.serde.AvroSerdeConfig;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Streams properties every ResetFlow application runs with: exactly_once_v2, explicit names
 * for internal topics and stores, and the dead-letter handlers.
 */
public final class StreamsSettings {

    private StreamsSettings() {
    }

    public static Properties of(CommonConfig config, String applicationId) {
        Properties props = new Properties();
        props.putAll(config.kafkaClientProperties());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.topicPlan().replicationFactor());
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, config.schemaRegistryUrl());
        withDeadLetters(props, config.topicNames().deadLetter(applicationId));
        return props;
    }

    /** Routes undecodable, failing and unserializable records to the topic, as DeadLetter records. */
    public static Properties withDeadLetters(Properties props, String deadLetterTopic) {
        props.put(DeadLetters.TOPIC_CONFIG, deadLetterTopic);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class);
        return props;
    }

    /** Uses the given serializer for dead letters (tests bind it to an in-memory registry). */
    public static Properties withDeadLetterSerializer(Properties props, Serializer<?> serializer) {
        props.put(DeadLetters.SERIALIZER_CONFIG, serializer);
        return props;
    }
}
