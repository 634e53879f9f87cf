package io.resetflow.core.streams;

import io.resetflow.avro.FailureStage;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record that cannot be serialized, or is too large to ever be written, goes to the dead-letter
 * topic; other send failures fail the task (Streams retries under exactly-once), so nothing is
 * dropped because a broker was briefly away.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProductionHandler.class);
    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetters.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception error) {
        if (error instanceof RecordTooLargeException) {
            LOG.warn("Record for {} too large; sent to the dead-letter topic", record.topic());
            return Response.resume(deadLetters.of(FailureStage.PRODUCTION, context, record.key(), record.value(), error));
        }
        return Response.fail();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception error,
                                             SerializationExceptionOrigin origin) {
        LOG.warn("Cannot serialize the {} of a record for {}; sent to the dead-letter topic: {}", origin,
                record.topic(), error.toString());
        return Response.resume(deadLetters.of(FailureStage.PRODUCTION, context, context.sourceRawKey(),
                context.sourceRawValue(), error));
    }
}
