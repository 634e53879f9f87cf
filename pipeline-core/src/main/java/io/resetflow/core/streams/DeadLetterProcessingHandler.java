package io.resetflow.core.streams;

import io.resetflow.avro.FailureStage;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A record a processor throws on goes to the dead-letter topic with its source bytes; the rest flows on. */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);
    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = DeadLetters.from(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception error) {
        LOG.warn("Processor {} failed on {}-{}@{}; record sent to the dead-letter topic: {}", context.processorNodeId(),
                context.topic(), context.partition(), context.offset(), error.toString());
        return Response.resume(deadLetters.of(FailureStage.PROCESSING, context, context.sourceRawKey(),
                context.sourceRawValue(), error));
    }
}
