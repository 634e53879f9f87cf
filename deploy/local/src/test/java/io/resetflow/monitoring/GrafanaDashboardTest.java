package io.resetflow.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class GrafanaDashboardTest {

    @Test
    void everyPanelQueriesPrometheusThroughTheImportedDatasource() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(MonitoringAssets.DASHBOARD.toFile());

        assertThat(dashboard.path("uid").asText()).isEqualTo("resetflow-remediation");
        assertThat(dashboard.path("panels")).isNotEmpty().allSatisfy(panel -> {
            assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("${DS_PROMETHEUS}");
            assertThat(panel.path("targets")).isNotEmpty()
                    .allSatisfy(target -> assertThat(target.path("expr").asText()).isNotBlank());
        });
    }

    @Test
    void coversRemediationBurnDownDeliveryLagAndJvm() throws Exception {
        assertThat(MonitoringAssets.referencedMetrics()).contains("resetflow_tracker_remediated_ratio",
                "resetflow_tracker_mailboxes", "resetflow_notifier_outcomes_total",
                "kafka_consumer_fetch_manager_records_lag_max", "jvm_memory_used_bytes");
    }
}
