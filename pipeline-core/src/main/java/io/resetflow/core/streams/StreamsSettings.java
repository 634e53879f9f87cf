package io.resetflow.core.streams;

import io.resetflow.core.config.CommonConfig;
import io.resetflow.serde.AvroSerdeConfig;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Streams properties every ResetFlow application runs with: exactly_once_v2, explicit names
 * for internal topics and stores, and the dead-letter handlers.
 */
public final class StreamsSettings {

    static final int THROUGHPUT_COMMIT_INTERVAL_MS = 1000;
    static final int THROUGHPUT_STREAM_THREADS = 2;

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

    /**
     * Settings for an application that moves millions of records in a burst (intake of a breach
     * file), sized for a two-core node:
     * <ul>
     *   <li>a transaction per second per thread instead of every 100 ms: each exactly_once_v2 commit
     *       flushes every producer batch and waits for the transaction markers, so at 100 ms the
     *       thread spends much of its time committing tiny transactions;</li>
     *   <li>two stream threads, one per core, so processing and producing overlap;</li>
     *   <li>large producer batches (256 KiB, 20 ms linger): fewer produce requests for the broker to
     *       verify against the transaction; uncompressed, because on two cores lz4 costs the client
     *       and the broker more CPU than the bytes it saves;</li>
     *   <li>larger polls, so each loop processes more records per commit and punctuation check.</li>
     * </ul>
     * Records become visible to read_committed consumers up to a commit interval later.
     */
    public static Properties withThroughputTuning(Properties props) {
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, THROUGHPUT_COMMIT_INTERVAL_MS);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, THROUGHPUT_STREAM_THREADS);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 20);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 2000);
        return props;
    }

    /**
     * Puts the deployment's own {@code kafka.*} settings back on top, after the tuning an application
     * applied: an operator who sets, say, {@code kafka.commit.interval.ms} gets that value.
     */
    public static Properties withDeploymentSettings(Properties props, CommonConfig config) {
        props.putAll(config.kafkaClientProperties());
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
