package io.resetflow.tracker.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.resetflow.avro.AccountLifecycle;
import io.resetflow.avro.CredentialStorage;
import io.resetflow.avro.DeliveryOutcome;
import io.resetflow.avro.DeliveryStatus;
import io.resetflow.avro.IntakeRecord;
import io.resetflow.avro.NoticeKind;
import io.resetflow.avro.PasswordResetEvent;
import io.resetflow.avro.Priority;
import io.resetflow.avro.RecipientChannel;
import io.resetflow.avro.ResetActor;
import io.resetflow.core.identity.MailboxIds;
import io.resetflow.core.topic.TopicCreator;
import io.resetflow.embedded.EmbeddedKafkaBroker;
import io.resetflow.embedded.registry.EmbeddedSchemaRegistry;
import io.resetflow.serde.AvroSerdes;
import io.resetflow.core.http.ApiTokens;
import io.resetflow.core.http.Caller;
import io.resetflow.tracker.TrackerService;
import io.resetflow.tracker.config.TrackerConfig;
import io.resetflow.tracker.domain.NotificationIds;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operations dashboard in a real browser, on a tracker fed through a real broker: the figures on the
 * page are the API's, they move as delivery outcomes and password resets arrive, stragglers show masked
 * addresses and open their timeline. Leaves a screenshot in target/dashboard.png.
 */
class DashboardBrowserTest {

    private static final String SECRET = "dashboard-it-secret-0123456789abcdefgh";
    private static final Map<String, String> DOMAINS = new LinkedHashMap<>();
    private static final Map<String, Integer> MAILBOXES = new LinkedHashMap<>();
    private static final Map<String, String> BRANDS = Map.of("stnet", "Pikara Hikari", "kddi-web", "CPI hosted mail",
            "jcom", "J:COM NET", "ctc", "Commufa Hikari", "nifty", "@nifty Mail", "biglobe", "BIGLOBE Mail");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    static {
        DOMAINS.put("stnet", "pikara.ne.jp");
        DOMAINS.put("kddi-web", "cpi.ad.jp");
        DOMAINS.put("jcom", "jcom.home.ne.jp");
        DOMAINS.put("ctc", "commufa.jp");
        DOMAINS.put("nifty", "nifty.com");
        DOMAINS.put("biglobe", "biglobe.ne.jp");
        int[] sizes = {30, 60, 90, 50, 80, 100};
        int i = 0;
        for (String tenant : DOMAINS.keySet()) {
            MAILBOXES.put(tenant, sizes[i++]);
        }
    }

    @TempDir
    static Path dir;

    private static EmbeddedKafkaBroker broker;
    private static EmbeddedSchemaRegistry registry;
    private static TrackerService tracker;
    private static TrackerConfig config;
    private static KafkaProducer<String, Object> producer;
    private static ChromeDriver browser;
    private static final String OPERATIONS_TOKEN = "dashboard-operations-token-0123456789abcdef";
    private static final String BIGLOBE_TOKEN = "dashboard-biglobe-token-0123456789abcdefghi";
    private static final Map<String, List<String>> ids = new LinkedHashMap<>();

    @BeforeAll
    static void startTrackerAndBrowser() throws Exception {
        Chromium.assumeInstalled();
        broker = EmbeddedKafkaBroker.builder().build().start();
        registry = EmbeddedSchemaRegistry.builder(broker.bootstrapServers()).build().start();
        config = config();
        try (Admin admin = broker.createAdmin()) {
            var topics = new ArrayList<>(config.topicPlan().topics(config.tenants()));
            topics.add(config.topicPlan().deadLetterTopic(config.applicationId()));
            TopicCreator.createMissing(admin, topics);
        }
        tracker = new TrackerService(config).start();
        await().atMost(Duration.ofSeconds(90)).until(tracker::isRunning);
        AvroSerdes serdes = AvroSerdes.forRegistry(registry.url());
        @SuppressWarnings({"unchecked", "rawtypes"})
        KafkaProducer<String, Object> created = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(),
                (org.apache.kafka.common.serialization.Serializer) new io.resetflow.serde.AvroSerializer<>(
                        new io.resetflow.registry.RestSchemaRegistryClient(registry.url())));
        producer = created;
        browser = Chromium.start(Files.createDirectories(dir.resolve("chromium-profile")));
    }

    private static TrackerConfig config() {
        Map<String, Object> values = new HashMap<>();
        values.put(TrackerConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
        values.put(TrackerConfig.SCHEMA_REGISTRY_URL, registry.url());
        values.put(TrackerConfig.MAILBOX_ID_SECRET, SECRET);
        values.put(TrackerConfig.TENANTS_FILE, resource("/dashboard-tenants.yaml"));
        values.put(TrackerConfig.TOPIC_PARTITIONS, 2);
        values.put(TrackerConfig.STATE_DIR, dir.resolve("state").toString());
        values.put(TrackerConfig.HTTP_PORT, 0);
        values.put(TrackerConfig.HTTP_TOKENS, ApiTokens.line(Caller.operations("test-operator"), OPERATIONS_TOKEN) + ";"
                + ApiTokens.line(Caller.ofTenant("biglobe-staff", "biglobe"), BIGLOBE_TOKEN));
        // Five campaign minutes per second: the burn-down gains a point a second, reminders (+3 days) stay
        // well beyond the test's few minutes.
        values.put(TrackerConfig.CLOCK_SPEED, 300.0);
        values.put(TrackerConfig.ESTIMATE_WINDOW, "PT1H");
        // The test writes remediation.intake itself: no breach rows to reconcile against.
        values.put(TrackerConfig.RECONCILE_BREACH_ROWS, false);
        values.put(TrackerConfig.BREACH_CUTOFF, "2025-05-30T00:00:00Z");
        values.put("kafka.commit.interval.ms", 100);
        return new TrackerConfig(values);
    }

    private static String resource(String name) {
        try {
            return Path.of(DashboardBrowserTest.class.getResource(name).toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        for (AutoCloseable closeable : new AutoCloseable[] {producer, tracker, registry, broker}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // Closing the rest matters more than this one's failure.
            }
        }
    }

    @Test
    void pageShowsTheApisFiguresAndFollowsResetsAsTheyArrive() throws Exception {
        // Given mailboxes of six tenants accepted, notified (some deferred first, some bounced)
        acceptMailboxes();
        for (var tenant : MAILBOXES.entrySet()) {
            awaitApi(tenant.getKey(), view -> view.get("total").asLong() == tenant.getValue());
        }
        reportDeliveries();
        awaitApi("biglobe", tenant -> tenant.get("deliveries").get("SENT").asLong() == sentFor("biglobe"));
        browser.get(base() + "/?refresh=1000");
        signIn("not-a-token");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                d.findElement(By.cssSelector("#sign-in .error")).getText().contains("The token is not valid"));
        signIn(OPERATIONS_TOKEN);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                !d.findElement(By.id("sign-in")).isDisplayed()
                        && d.findElement(By.cssSelector("#who .who-name")).getText().equals("test-operator (operations)"));
        // The only errors so far are the sign-in's own answers: not signed in yet, then the wrong token
        assertThat(severeBrowserErrors()).hasSize(2).allSatisfy(error -> assertThat(error).contains("/api/session")
                .contains("401"));

        // Then the page shows what the API says, for every tenant and in total
        awaitPageMatchesApi();
        assertThat(pageFigure("biglobe", "bounced")).isEqualTo(MAILBOXES.get("biglobe") / 10);
        assertThat(pageFigure("biglobe", "deferred")).isEqualTo(MAILBOXES.get("biglobe") / 5);

        // When customers reset their passwords, in waves
        for (int wave = 1; wave <= 3; wave++) {
            long before = apiTenant("nifty").get("remediated").asLong();
            resetShare(wave);
            long expected = remediatedAfterWave("nifty", wave);
            awaitApi("nifty", tenant -> tenant.get("remediated").asLong() > before
                    && tenant.get("remediated").asLong() == expected);
            // Then the page follows, without being reloaded
            awaitPageMatchesApi();
            assertThat(pageFigure("nifty", "remediated")).isEqualTo(remediatedAfterWave("nifty", wave));
        }
        assertThat(browser.findElement(By.cssSelector("[data-tenant='nifty'] [data-field='ratio']")).getText())
                .contains("%");
        assertBurnDownAndFunnelAreDrawn();
        assertStragglersAreMaskedAndOpenTheirTimeline();
        assertReconcileNowShowsTheApisVerdict();
        screenshot();
        assertThat(severeBrowserErrors()).isEmpty();
    }

    private static void acceptMailboxes() {
        MailboxIds mailboxIds = new MailboxIds(SECRET);
        for (var tenant : MAILBOXES.entrySet()) {
            List<String> tenantIds = new ArrayList<>();
            for (int i = 0; i < tenant.getValue(); i++) {
                String address = "customer" + i + "@" + DOMAINS.get(tenant.getKey());
                String id = mailboxIds.of(address);
                tenantIds.add(id);
                send(config.topicNames().remediationIntake(), id, IntakeRecord.newBuilder().setMailboxId(id)
                        .setTenant(tenant.getKey()).setBrand(BRANDS.get(tenant.getKey())).setAddress(address).setLifecycle(AccountLifecycle.ACTIVE)
                        .setCredentialStorage(CredentialStorage.HASHED).setPriority(Priority.HIGH)
                        .setAcceptedAt(Instant.now()).build());
            }
            ids.put(tenant.getKey(), tenantIds);
        }
        producer.flush();
    }

    /** One in five is deferred before it goes out, one in ten bounces; the rest are sent at once. */
    private static void reportDeliveries() {
        ids.forEach((tenant, tenantIds) -> {
            for (int i = 0; i < tenantIds.size(); i++) {
                String id = tenantIds.get(i);
                if (i % 10 == 9) {
                    send(config.topicNames().notifyOutcomes(), id, outcome(tenant, id, DeliveryStatus.BOUNCED, 550));
                    continue;
                }
                if (i % 5 == 0) {
                    send(config.topicNames().notifyOutcomes(), id, outcome(tenant, id, DeliveryStatus.DEFERRED, 451));
                }
                send(config.topicNames().notifyOutcomes(), id, outcome(tenant, id, DeliveryStatus.SENT, 250));
            }
        });
        producer.flush();
    }

    private static long sentFor(String tenant) {
        return MAILBOXES.get(tenant) - MAILBOXES.get(tenant) / 10;
    }

    /** Wave n resets the mailboxes whose index modulo 6 is below n (bounced ones included: they reset too). */
    private static void resetShare(int wave) {
        ids.forEach((tenant, tenantIds) -> {
            for (int i = 0; i < tenantIds.size(); i++) {
                if (i % 6 == wave - 1) {
                    String id = tenantIds.get(i);
                    send(config.topicNames().tenantPasswordResets(tenant), id, PasswordResetEvent.newBuilder()
                            .setEventId(UUID.randomUUID().toString()).setTenant(tenant).setMailboxId(id)
                            .setAddress(null).setChangedAt(Instant.now()).setActor(ResetActor.CUSTOMER).build());
                }
            }
        });
        producer.flush();
    }

    private static long remediatedAfterWave(String tenant, int wave) {
        int size = MAILBOXES.get(tenant);
        long count = 0;
        for (int i = 0; i < size; i++) {
            if (i % 6 < wave) {
                count++;
            }
        }
        return count;
    }

    private static DeliveryOutcome outcome(String tenant, String id, DeliveryStatus status, int smtpCode) {
        String notificationId = NotificationIds.of(id, NoticeKind.INITIAL_NOTICE, 0);
        return DeliveryOutcome.newBuilder().setNotificationId(notificationId).setMailboxId(id).setTenant(tenant)
                .setKind(NoticeKind.INITIAL_NOTICE).setStatus(status).setChannel(RecipientChannel.MAILBOX)
                .setHadContactAddress(false).setAttempt(status == DeliveryStatus.DEFERRED ? 1 : 2)
                .setSmtpCode(smtpCode).setSmtpReply(null).setMessageId("<" + notificationId + "@resetflow.test>")
                .setOccurredAt(Instant.now()).build();
    }

    private static void send(String topic, String key, Object value) {
        producer.send(new ProducerRecord<>(topic, key, value));
    }

    private void awaitPageMatchesApi() {
        await().atMost(PATIENCE).ignoreException(StaleElementReferenceException.class).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode tenants = JSON.readTree(get("/api/tenants").body());
            long total = 0;
            long remediated = 0;
            long sent = 0;
            for (JsonNode tenant : tenants) {
                String id = tenant.get("tenant").asText();
                assertThat(pageFigure(id, "total")).as(id + " total").isEqualTo(tenant.get("total").asLong());
                assertThat(pageFigure(id, "remediated")).as(id + " remediated")
                        .isEqualTo(tenant.get("remediated").asLong());
                assertThat(pageFigure(id, "state-NOTIFIED")).as(id + " notified")
                        .isEqualTo(tenant.get("countsByState").get("NOTIFIED").asLong());
                for (String status : List.of("SENT", "DEFERRED", "BOUNCED")) {
                    assertThat(pageFigure(id, status.toLowerCase())).as(id + " " + status)
                            .isEqualTo(tenant.get("deliveries").get(status).asLong());
                }
                total += tenant.get("total").asLong();
                remediated += tenant.get("remediated").asLong();
                sent += tenant.get("deliveries").get("SENT").asLong();
            }
            assertThat(headerFigure("total")).isEqualTo(total);
            assertThat(headerFigure("remediated")).isEqualTo(remediated);
            assertThat(headerFigure("sent")).isEqualTo(sent);
        });
    }

    private void assertBurnDownAndFunnelAreDrawn() {
        await().atMost(PATIENCE).ignoreException(StaleElementReferenceException.class).untilAsserted(() -> {
            Number points = (Number) browser.executeScript(
                    "const c = Chart.getChart('burndown-chart'); return c ? c.data.datasets.reduce((n, d) => n + d.data.length, 0) : 0;");
            assertThat(points.longValue()).isGreaterThan(6);
            @SuppressWarnings("unchecked")
            List<Number> funnel = (List<Number>) browser.executeScript(
                    "return Chart.getChart('funnel-chart').data.datasets[0].data;");
            long affected = MAILBOXES.values().stream().mapToLong(Integer::longValue).sum();
            assertThat(funnel.get(0).longValue()).isEqualTo(affected);
            assertThat(funnel.get(3).longValue()).isEqualTo(headerFigure("remediated"));
        });
    }

    private void assertStragglersAreMaskedAndOpenTheirTimeline() {
        await().atMost(PATIENCE).ignoreException(StaleElementReferenceException.class).untilAsserted(() -> {
            List<String> expected = new ArrayList<>();
            JSON.readTree(get("/api/tenants/stnet/stragglers?state=NOTIFIED&limit=25").body()).get("mailboxIds")
                    .forEach(id -> expected.add(id.asText()));
            List<String> shown = browser.findElements(By.cssSelector("#straggler-rows tr[data-mailbox]")).stream()
                    .map(row -> row.getDomAttribute("data-mailbox")).toList();
            assertThat(shown).isNotEmpty().isEqualTo(expected);
        });
        // The table is re-rendered by every poll, so a row found a moment ago may be gone: find it afresh.
        await().atMost(PATIENCE).ignoreException(StaleElementReferenceException.class).untilAsserted(() -> {
            WebElement first = browser.findElement(By.cssSelector("#straggler-rows tr[data-mailbox]"));
            assertThat(first.findElement(By.cssSelector("td.address")).getText())
                    .matches("cu\\*\\*\\*@pikara\\.ne\\.jp");
            first.click();
        });
        assertThat(browser.getPageSource()).doesNotContain("customer1@").doesNotContain("customer2@");

        await().atMost(PATIENCE).ignoreException(StaleElementReferenceException.class).untilAsserted(() -> {
            assertThat(browser.findElement(By.id("timeline")).isDisplayed()).isTrue();
            assertThat(browser.findElements(By.cssSelector("#timeline-events li"))).hasSizeGreaterThanOrEqualTo(2);
            assertThat(browser.findElement(By.id("timeline-events")).getText()).contains("通知済み Notified");
        });
        browser.findElement(By.cssSelector("#timeline .dialog-head button")).click();
    }

    private List<String> severeBrowserErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(Object::toString).toList();
    }

    /** Operations start a reconciliation from the page; it shows the API's verdict and figures, and the report opens. */
    private void assertReconcileNowShowsTheApisVerdict() throws Exception {
        browser.findElement(By.id("reconcile-now")).click();
        WebElement verdict = browser.findElement(By.id("reconcile-verdict"));
        new WebDriverWait(browser, PATIENCE).until(d -> "true".equals(verdict.getAttribute("data-clean"))
                && verdict.getText().contains("CLEAN"));
        JsonNode status = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/reconcile"))
                .header("Authorization", "Bearer " + OPERATIONS_TOKEN).build(), HttpResponse.BodyHandlers.ofString()).body());
        long total = MAILBOXES.values().stream().mapToLong(Integer::longValue).sum();
        assertThat(status.path("result").path("mailboxes").asLong()).isEqualTo(total);
        new WebDriverWait(browser, PATIENCE).until(d -> String.valueOf(total).equals(
                d.findElement(By.cssSelector("#reconcile-facts [data-field='mailboxes']")).getAttribute("data-value")));
        HttpResponse<String> report = HTTP.send(HttpRequest.newBuilder(URI.create(base()
                        + "/api/reconcile/report?tenant=all&format=html"))
                .header("Authorization", "Bearer " + OPERATIONS_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("data-key=\"sections.all.mailboxes.accepted\">" + String.format("%,d", total));
        HttpResponse<String> asTenant = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/reconcile"))
                .header("Authorization", "Bearer " + BIGLOBE_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(asTenant.statusCode()).as("an ISP's staff may not reconcile").isEqualTo(403);
    }

    private void screenshot() throws Exception {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Path target = Path.of("target", "dashboard.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isGreaterThan(10_000);
    }

    private long pageFigure(String tenant, String field) {
        return Long.parseLong(browser.findElement(By.cssSelector("[data-tenant='" + tenant + "'] [data-field='"
                + field + "']")).getDomAttribute("data-value"));
    }

    private long headerFigure(String field) {
        return Long.parseLong(browser.findElement(By.cssSelector("#overall [data-field='" + field + "']"))
                .getDomAttribute("data-value"));
    }

    private static JsonNode apiTenant(String id) throws Exception {
        for (JsonNode tenant : JSON.readTree(get("/api/tenants").body())) {
            if (tenant.get("tenant").asText().equals(id)) {
                return tenant;
            }
        }
        throw new AssertionError("no tenant " + id);
    }

    private static void awaitApi(String id, java.util.function.Predicate<JsonNode> condition) {
        await().atMost(PATIENCE).ignoreException(StaleElementReferenceException.class).pollInterval(Duration.ofMillis(200)).until(() -> {
            HttpResponse<String> response = get("/api/tenants");
            return response.statusCode() == 200 && condition.test(apiTenant(id));
        });
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + path))
                        .header("Authorization", "Bearer " + OPERATIONS_TOKEN).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void signIn(String token) {
        var input = browser.findElement(By.cssSelector("#sign-in input"));
        input.clear();
        input.sendKeys(token);
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
    }

    private static String base() {
        return "http://localhost:" + tracker.httpPort();
    }
}
