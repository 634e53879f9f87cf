package io.resetflow.tracker;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resetflow.tracker.config.TrackerConfig;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class TrackerServiceSecretTest {

    @Test
    void theTrackerRefusesToStartOnTheDevelopmentSecret() {
        TrackerConfig config = new TrackerConfig(Map.of(TrackerConfig.BREACH_CUTOFF, "2025-05-30T00:00:00Z"));

        assertThatThrownBy(() -> new TrackerService(config))
                .isInstanceOf(ConfigException.class).hasMessageContaining("mailbox.id.secret");
    }
}
