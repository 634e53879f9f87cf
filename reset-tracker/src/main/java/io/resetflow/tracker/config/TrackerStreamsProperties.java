package io.resetflow.tracker.config;

import io.resetflow.core.streams.StreamsSettings;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The tracker's Kafka Streams properties: the shared settings and throughput tuning, then what only
 * the tracker needs, then the deployment's own {@code kafka.*} settings, which win over both.
 */
public final class TrackerStreamsProperties {

    /**
     * The remediation task reads intake, delivery outcomes and reset events, which are independent
     * streams: the state machine takes them in any order (a reset may come before its mailbox). So a
     * task never waits for an empty input to line timestamps up, and checking whether to wait costs
     * nothing per record.
     */
    static final long TASK_IDLE_DISABLED = StreamsConfig.MAX_TASK_IDLE_MS_DISABLED;

    /**
     * A reminder day has no input, only punctuations: a poll that waits the default 100 ms for records
     * that do not come is time the timers could have used.
     */
    static final long POLL_MS = 20;

    private TrackerStreamsProperties() {
    }

    public static Properties of(TrackerConfig config, HostInfo self) {
        Properties props = StreamsSettings.withThroughputTuning(StreamsSettings.of(config, config.applicationId()));
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads());
        props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, TASK_IDLE_DISABLED);
        props.put(StreamsConfig.POLL_MS_CONFIG, POLL_MS);
        return StreamsSettings.withDeploymentSettings(props, config);
    }
}
