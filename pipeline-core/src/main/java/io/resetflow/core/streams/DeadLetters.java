package io.resetflow.core.streams;

import io.resetflow.avro.DeadLetter;
import io.resetflow.avro.FailureStage;
import io.resetflow.serde.AvroSerializer;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Turns a failed record into a {@link DeadLetter} on the application's dead-letter topic, for the
 * Streams error handlers. The serializer is passed in the Streams config under
 * {@link #SERIALIZER_CONFIG}; without it one is built from {@code schema.registry.url}.
 */
final class DeadLetters {

    static final String TOPIC_CONFIG = "resetflow.dead.letter.topic";
    static final String SERIALIZER_CONFIG = "resetflow.dead.letter.serializer";

    private final String topic;
    private final String application;
    private final Serializer<DeadLetter> serializer;

    @SuppressWarnings("unchecked")
    static DeadLetters from(Map<String, ?> configs) {
        Object topic = configs.get(TOPIC_CONFIG);
        if (topic == null) {
            throw new ConfigException(TOPIC_CONFIG + " must name the dead-letter topic");
        }
        Object serializer = configs.get(SERIALIZER_CONFIG);
        Serializer<DeadLetter> deadLetterSerializer;
        if (serializer instanceof Serializer<?> given) {
            deadLetterSerializer = (Serializer<DeadLetter>) given;
        } else {
            AvroSerializer<DeadLetter> built = new AvroSerializer<>();
            built.configure(configs, false);
            deadLetterSerializer = built;
        }
        return new DeadLetters(topic.toString(), String.valueOf(configs.get(StreamsConfig.APPLICATION_ID_CONFIG)),
                deadLetterSerializer);
    }

    DeadLetters(String topic, String application, Serializer<DeadLetter> serializer) {
        this.topic = topic;
        this.application = application;
        this.serializer = serializer;
    }

    List<ProducerRecord<byte[], byte[]>> of(FailureStage stage, ErrorHandlerContext context, byte[] key,
                                           byte[] value, Exception error) {
        DeadLetter letter = DeadLetter.newBuilder()
                .setStage(stage)
                .setApplication(application)
                .setSourceTopic(context.topic() == null ? "" : context.topic())
                .setSourcePartition(context.partition())
                .setSourceOffset(context.offset())
                .setErrorClass(error.getClass().getName())
                .setErrorMessage(rootMessage(error))
                .setKey(key == null ? null : ByteBuffer.wrap(key))
                .setValue(value == null ? null : ByteBuffer.wrap(value))
                .setFailedAt(Instant.ofEpochMilli(context.timestamp() > 0 ? context.timestamp() : System.currentTimeMillis()))
                .build();
        return List.of(new ProducerRecord<>(topic, null, key, serializer.serialize(topic, letter)));
    }

    private static String rootMessage(Throwable error) {
        StringBuilder message = new StringBuilder(String.valueOf(error.getMessage()));
        for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            message.append(" <- ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return message.toString();
    }
}
