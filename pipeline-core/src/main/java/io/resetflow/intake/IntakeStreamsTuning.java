package io.resetflow.intake;

import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * What intake needs beyond the shared throughput settings: bloom filters for a store whose lookups
 * nearly all miss ({@link DeduplicationRocksDbConfig}), and tasks that never idle waiting for the
 * repartition topic. It carries only rows another producer wrote without their partition key and
 * is mostly empty; rows from the two inputs have no time order to keep, so waiting on it would
 * only stall the common path.
 */
public final class IntakeStreamsTuning {

    private IntakeStreamsTuning() {
    }

    public static Properties applyTo(Properties props) {
        props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, DeduplicationRocksDbConfig.class);
        return props;
    }
}
