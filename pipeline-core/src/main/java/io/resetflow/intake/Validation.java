package io.resetflow.intake;

import io.resetflow.avro.BreachRow;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** Runs the validator on each row, stamping rejections with the stream time of the decision. */
final class Validation implements FixedKeyProcessorSupplier<String, BreachRow, RowVerdict> {

    private final BreachRowValidator validator;

    Validation(BreachRowValidator validator) {
        this.validator = validator;
    }

    @Override
    public FixedKeyProcessor<String, BreachRow, RowVerdict> get() {
        return new FixedKeyProcessor<>() {
            private FixedKeyProcessorContext<String, RowVerdict> context;

            @Override
            public void init(FixedKeyProcessorContext<String, RowVerdict> context) {
                this.context = context;
            }

            @Override
            public void process(FixedKeyRecord<String, BreachRow> record) {
                if (record.value() == null) {
                    // A tombstone carries no row to reject; the processing handler dead-letters it with its offset.
                    throw new IllegalArgumentException("breach record without a value");
                }
                Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
                context.forward(record.withValue(validator.check(record.value(), now)));
            }
        };
    }
}
