package io.resetflow.core.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.resetflow.core.config.CommonConfig;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {

    @Test
    void deploymentSettingsWinOverThroughputTuning() {
        // Given a deployment that sets its own commit interval
        CommonConfig config = new CommonConfig(Map.of("kafka.commit.interval.ms", "100"));

        // When the application tunes for throughput and then applies the deployment's settings
        Properties props = StreamsSettings.withDeploymentSettings(
                StreamsSettings.withThroughputTuning(StreamsSettings.of(config, "app")), config);

        // Then the deployment's value is the one Streams gets; the rest of the tuning stays
        assertThat(props.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo("100");
        assertThat(props.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG))
                .isEqualTo(StreamsSettings.THROUGHPUT_STREAM_THREADS);
    }

    @Test
    void throughputTuningAloneReplacesTheDefaultCommitInterval() {
        // Given a deployment without a commit interval of its own
        CommonConfig config = new CommonConfig(Map.of());

        // When the application tunes for throughput
        Properties props = StreamsSettings.withDeploymentSettings(
                StreamsSettings.withThroughputTuning(StreamsSettings.of(config, "app")), config);

        // Then the tuned interval applies
        assertThat(props.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG))
                .isEqualTo(StreamsSettings.THROUGHPUT_COMMIT_INTERVAL_MS);
    }
}
