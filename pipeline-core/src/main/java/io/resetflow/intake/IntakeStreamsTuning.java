package io.resetflow.intake;

import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * What intake needs beyond the shared throughput settings.
 * <ul>
 *   <li>Tasks never idle waiting for the repartition topic: it carries only rows another producer
 *       wrote without their partition key, and is mostly empty; rows from the two inputs have no
 *       time order to keep, so waiting on it would only stall the common path.</li>
 *   <li>Producer batches linger 100 ms: each accepted mailbox goes to one of six tenant topics, so
 *       every thread's producer spreads a second's records over dozens of partitions, and at 20 ms a
 *       batch holds a handful of records; the broker's per-batch work in a transaction then costs
 *       more than the records. A commit flushes whatever lingers, so nothing waits longer.</li>
 * </ul>
 */
public final class IntakeStreamsTuning {

    static final int LINGER_MS = 100;

    private IntakeStreamsTuning() {
    }

    public static Properties applyTo(Properties props) {
        props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), LINGER_MS);
        return props;
    }
}
