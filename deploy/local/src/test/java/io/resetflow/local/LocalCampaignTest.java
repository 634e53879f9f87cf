package io.resetflow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The newcomer's view of the local stack: a sample breach goes in, notices land in the outbox,
 * simulated customers reset, the ISPs confirm forced resets and locks, and every ISP reaches 100%.
 */
class LocalCampaignTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void aWholeCampaignRunsToEveryMailboxRemediated() throws Exception {
        LocalStackSettings settings = new LocalStackSettings(dataDir, LocalStackSettings.Ports.anyFree(), 600, 3, 2);
        try (LocalStack stack = new LocalStack(settings).start()) {
            // Then every tenant gets mailboxes, notices go out and customers start resetting
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                assertThat(tenants(stack)).hasSize(6).allSatisfy(t -> assertThat(t.get("total").asLong()).isPositive());
                assertThat(stack.mail().accepted()).isPositive();
                assertThat(stack.simulator().reported()).isPositive();
            });

            // And, after deadlines and the ISPs' confirmations, all of them reach 100%
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                    assertThat(tenants(stack)).allSatisfy(t -> assertThat(t.get("remediated").asLong())
                            .as("remediated of %s", t.get("tenant").asText())
                            .isEqualTo(t.get("total").asLong())));
            long total = tenants(stack).stream().mapToLong(t -> t.get("total").asLong()).sum();
            assertThat(total).isBetween(500L, 600L);
            assertThat(stack.mail().recent()).isNotEmpty()
                    .allSatisfy(mail -> assertThat(mail.messageId()).startsWith("<"));
        }
    }

    private static List<JsonNode> tenants(LocalStack stack) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(stack.dashboardUrl() + "api/tenants")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> tenants = new ArrayList<>();
        JSON.readTree(response.body()).forEach(tenants::add);
        return tenants;
    }
}
