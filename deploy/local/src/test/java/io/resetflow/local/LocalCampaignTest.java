package io.resetflow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.resetflow.synthetic.ExpectedCounts;
import io.resetflow.cli.ResetFlowCli;
import io.resetflow.tracker.dashboard.Chromium;
import io.resetflow.monitoring.MonitoringAssets;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The newcomer's view of the local stack: a sample breach goes in, notices land in the outbox,
 * simulated customers reset, the ISPs confirm forced resets and locks, and every ISP reaches 100%;
 * meanwhile the services export every metric the alert rules and the Grafana dashboard query, and the
 * dashboard in a real browser follows the campaign live and agrees with the API.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalCampaignTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;

    @TempDir
    static Path browserProfile;

    private static LocalStack stack;
    private static ChromeDriver browser;
    private static long remediatedSeenFirst = -1;

    @BeforeAll
    static void startStack() {
        stack = new LocalStack(new LocalStackSettings(dataDir, LocalStackSettings.Ports.anyFree(), 600, 3, 2)).start();
    }

    @AfterAll
    static void stopStack() {
        if (browser != null) {
            browser.quit();
        }
        stack.close();
    }

    @Test
    @Order(1)
    void servicesExportEveryMetricTheAlertsAndTheDashboardQuery() throws Exception {
        Set<String> referenced = MonitoringAssets.referencedMetrics();

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(exportedMetrics()).containsAll(referenced));
    }

    @Test
    @Order(2)
    void dashboardFollowsTheCampaignWithoutReloading() {
        Chromium.assumeInstalled();
        browser = Chromium.start(browserProfile);
        browser.get(stack.dashboardUrl() + "?refresh=500");
        // The newcomer signs in with the operations token the console points at
        browser.findElement(By.cssSelector("#sign-in input")).sendKeys(stack.operationsToken());
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .ignoreException(StaleElementReferenceException.class).untilAsserted(() -> {
                    remediatedSeenFirst = headerFigure("remediated");
                    assertThat(remediatedSeenFirst).isPositive();
                });
        Object page = browser.executeScript("return window.performance.timeOrigin");

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
                .ignoreException(StaleElementReferenceException.class).untilAsserted(() ->
                assertThat(headerFigure("remediated")).isGreaterThan(remediatedSeenFirst));
        assertThat(browser.executeScript("return window.performance.timeOrigin")).as("same page, no reload")
                .isEqualTo(page);
    }

    @Test
    @Order(3)
    void aWholeCampaignRunsToEveryMailboxRemediated() throws Exception {
        // Every tenant gets mailboxes, notices go out and customers start resetting
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(tenants()).hasSize(6).allSatisfy(t -> assertThat(t.get("total").asLong()).isPositive());
            assertThat(stack.mail().accepted()).isPositive();
            assertThat(stack.simulator().reported()).isPositive();
        });

        // After deadlines and the ISPs' confirmations, all of them reach 100%
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(tenants()).allSatisfy(t -> assertThat(t.get("remediated").asLong())
                        .as("remediated of %s", t.get("tenant").asText())
                        .isEqualTo(t.get("total").asLong())));
        long total = tenants().stream().mapToLong(t -> t.get("total").asLong()).sum();
        assertThat(total).isEqualTo(expectedAccepted());
        assertThat(stack.mail().recent()).isNotEmpty()
                .allSatisfy(mail -> assertThat(mail.messageId()).startsWith("<"));
    }

    /** What the generator says intake accepts from the sample breach it wrote into the data directory. */
    private static long expectedAccepted() throws Exception {
        try (var files = Files.list(dataDir.resolve("sample"))) {
            Path sidecar = files.filter(f -> f.getFileName().toString().endsWith(".expected.json")).findFirst()
                    .orElseThrow();
            return ExpectedCounts.read(sidecar).accepted();
        }
    }

    @Test
    @Order(4)
    void dashboardShowsExactlyWhatTheApiReportsAtTheEnd() throws Exception {
        Chromium.assumeInstalled();
        assertThat(browser).as("the live dashboard test opened the page").isNotNull();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .ignoreException(StaleElementReferenceException.class).untilAsserted(() -> {
            long total = 0;
            long remediated = 0;
            for (JsonNode tenant : tenants()) {
                String id = tenant.get("tenant").asText();
                assertThat(tenantFigure(id, "total")).as(id + " total").isEqualTo(tenant.get("total").asLong());
                assertThat(tenantFigure(id, "remediated")).as(id + " remediated")
                        .isEqualTo(tenant.get("remediated").asLong());
                assertThat(tenantFigure(id, "sent")).as(id + " sent")
                        .isEqualTo(tenant.get("deliveries").get("SENT").asLong());
                total += tenant.get("total").asLong();
                remediated += tenant.get("remediated").asLong();
            }
            assertThat(headerFigure("total")).isEqualTo(total);
            assertThat(headerFigure("remediated")).isEqualTo(remediated).isGreaterThan(remediatedSeenFirst);
        });
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of("target", "local-dashboard.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isGreaterThan(10_000);
    }

    private static long headerFigure(String field) {
        return Long.parseLong(browser.findElement(By.cssSelector("#overall [data-field='" + field + "']"))
                .getDomAttribute("data-value"));
    }

    private static long tenantFigure(String tenant, String field) {
        return Long.parseLong(browser.findElement(By.cssSelector("[data-tenant='" + tenant + "'] [data-field='"
                + field + "']")).getDomAttribute("data-value"));
    }

    private static List<JsonNode> tenants() throws Exception {
        List<JsonNode> tenants = new ArrayList<>();
        JSON.readTree(get(stack.dashboardUrl() + "api/tenants")).forEach(tenants::add);
        return tenants;
    }

    private static Set<String> exportedMetrics() throws Exception {
        Set<String> names = new HashSet<>();
        for (String url : stack.metricsUrls()) {
            get(url).lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("[{ ]", 2)[0]).forEach(names::add);
        }
        return names;
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + stack.operationsToken()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    @Test
    @Order(5)
    void theConsolesIspCommandReadsThatIspsStatusesAsThatIspAndNothingElse() {
        String printed = stack.orderedAddresses().get("ISP stnet view");
        assertThat(printed).startsWith("bin/resetflow isp consume --tenant stnet --topic remediation-status ");
        List<String> args = new ArrayList<>(List.of(printed.substring("bin/resetflow ".length()).split(" ")));
        args.addAll(List.of("--idle-timeout", "PT3S"));

        StringWriter out = new StringWriter();
        int code = ResetFlowCli.commandLine().setOut(new PrintWriter(out))
                .execute(args.toArray(String[]::new));

        assertThat(code).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).contains("\"tenant\": \"stnet\""));

        List<String> foreign = new ArrayList<>(args);
        foreign.set(foreign.indexOf("remediation-status"), "isp.kddi-web.remediation-status");
        StringWriter err = new StringWriter();
        int refused = ResetFlowCli.commandLine().setErr(new PrintWriter(err))
                .execute(foreign.toArray(String[]::new));
        assertThat(refused).isEqualTo(1);
        assertThat(err.toString()).contains("Not authorized to access topics: [isp.kddi-web.remediation-status]");
    }

    @Test
    @Order(6)
    void theStacksClusterMatchesTheAccessPolicy() {
        String printed = stack.orderedAddresses().get("ACL audit");
        StringWriter out = new StringWriter();
        int code = ResetFlowCli.commandLine().setOut(new PrintWriter(out))
                .execute(printed.substring("bin/resetflow ".length()).split(" "));

        assertThat(code).as(out.toString()).isZero();
        assertThat(out.toString()).contains("User:local-customers (not managed by the policy)")
                .contains("Audit clean: 11 principals");
    }
}
