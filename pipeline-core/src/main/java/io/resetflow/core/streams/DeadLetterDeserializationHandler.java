package io.resetflow.core.streams;

import io.resetflow.avro.FailureStage;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An undecodable record goes to the dead-letter topic and processing resumes. */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);
    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetters.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception error) {
        LOG.warn("Undecodable record {}-{}@{} sent to the dead-letter topic: {}", context.topic(), context.partition(),
                context.offset(), error.toString());
        return Response.resume(deadLetters.of(FailureStage.DESERIALIZATION, context, record.key(), record.value(), error));
    }
}
