package io.resetflow.tracker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.resetflow.avro.AccountLifecycle;
import io.resetflow.avro.BreachRow;
import io.resetflow.avro.CommandAnswerKind;
import io.resetflow.avro.CredentialStorage;
import io.resetflow.avro.DeliveryOutcome;
import io.resetflow.avro.DeliveryStatus;
import io.resetflow.avro.IntakeRecord;
import io.resetflow.avro.IspAction;
import io.resetflow.avro.IspCommand;
import io.resetflow.avro.IspCommandAnswer;
import io.resetflow.avro.NoticeKind;
import io.resetflow.avro.NotificationRequest;
import io.resetflow.avro.PasswordResetEvent;
import io.resetflow.avro.Priority;
import io.resetflow.avro.RecipientChannel;
import io.resetflow.avro.RemediationState;
import io.resetflow.avro.ResetActor;
import io.resetflow.avro.SourceReference;
import io.resetflow.avro.StateReason;
import io.resetflow.avro.TenantProgress;
import io.resetflow.core.access.ServiceIds;
import io.resetflow.core.identity.MailboxIds;
import io.resetflow.core.identity.PartitionKeys;
import io.resetflow.core.topic.TopicCreator;
import io.resetflow.core.topic.TopicNames;
import io.resetflow.embedded.EmbeddedKafkaBroker;
import io.resetflow.embedded.registry.EmbeddedSchemaRegistry;
import io.resetflow.intake.IntakeConfig;
import io.resetflow.intake.IntakeService;
import io.resetflow.serde.AvroDeserializer;
import io.resetflow.serde.AvroSerdeConfig;
import io.resetflow.serde.AvroSerdes;
import io.resetflow.tracker.TrackerService;
import io.resetflow.tracker.config.TrackerConfig;
import io.resetflow.tracker.reconcile.Mismatch;
import io.resetflow.tracker.reconcile.MismatchKind;
import io.resetflow.tracker.reconcile.ReconcileJson;
import io.resetflow.tracker.reconcile.ReconcileResult;
import io.resetflow.tracker.reconcile.ReconcileSettings;
import io.resetflow.tracker.reconcile.Reconciler;
import io.resetflow.tracker.reconcile.TenantRecount;
import io.resetflow.tracker.dashboard.Chromium;
import io.resetflow.tracker.report.Incident;
import io.resetflow.tracker.report.RegulatorReport;
import io.resetflow.tracker.report.ReportCommand;
import io.resetflow.tracker.report.ReportFormat;
import io.resetflow.tracker.report.ReportJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reconciliation on a real broker, after a small campaign run by the real intake and tracker (the
 * test plays the notifier, committing its offsets as the notifier does, and the ISPs): clean while it
 * runs and once it is stopped, with every figure exact; then each deliberately broken thing is named,
 * with its mailbox, and nothing else.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReconcileOnBrokerTest {

    private static final String SECRET = "reconcile-it-secret-0123456789abcdefghij";
    private static final String NOTIFIER_GROUP = ServiceIds.DEFAULT.notifierGroup();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MailboxIds IDS = new MailboxIds(SECRET);
    private static final String HOSTILE_NAME = "=HYPERLINK(\"http://x.example/\",\"Nifty\")";

    @TempDir
    static Path dir;

    private static EmbeddedKafkaBroker broker;
    private static EmbeddedSchemaRegistry registry;
    private static TrackerService tracker;
    private static IntakeService intake;
    private static TrackerConfig config;
    private static TopicNames names;
    private static AvroSerdes serdes;
    private static final List<String> mailedNifty = new ArrayList<>();
    private static JsonNode reportJson;
    private static Path reportHtml;

    @BeforeAll
    static void runCampaign() throws Exception {
        broker = EmbeddedKafkaBroker.builder().build().start();
        registry = EmbeddedSchemaRegistry.builder(broker.bootstrapServers()).build().start();
        config = TrackerOnBroker.config(broker, registry, SECRET, 3, dir.resolve("tracker"), "/reconcile-tenants.yaml",
                Map.of("tracker.progress.interval.ms", 200));
        names = config.topicNames();
        serdes = AvroSerdes.forRegistry(registry.url());
        try (Admin admin = broker.createAdmin()) {
            var topics = new ArrayList<>(config.topicPlan().topics(config.tenants()));
            topics.add(config.topicPlan().deadLetterTopic(config.applicationId()));
            topics.add(config.topicPlan().deadLetterTopic(ServiceIds.DEFAULT.intakeApplication()));
            TopicCreator.createMissing(admin, topics);
        }
        intake = new IntakeService(new IntakeConfig(config.originals())).start();
        tracker = new TrackerService(config).start();
        await().atMost(Duration.ofSeconds(90)).until(() -> tracker.isRunning() && intake.runner().isRunning());

        // 21 rows: nifty 10 mailboxes (one former) and 2 duplicates, biglobe 6, and 3 invalid rows
        List<BreachRow> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(row("nifty" + i + "@nifty.com", i == 0 ? "former" : "active"));
        }
        rows.add(row("NIFTY1@nifty.com", "active"));
        rows.add(row("nifty2@NIFTY.COM", "active"));
        for (int i = 0; i < 6; i++) {
            rows.add(row("big" + i + "@biglobe.ne.jp", "inactive"));
        }
        rows.add(row("", "active"));
        rows.add(row("not-an-address", "active"));
        rows.add(row("someone@unknown.example", "active"));
        try (var producer = producer(BreachRow.class)) {
            for (BreachRow row : rows) {
                String key = row.getAddress().contains("@") ? PartitionKeys.of(row.getAddress().toLowerCase()) : "x";
                producer.send(new ProducerRecord<>(names.breachAffectedAccounts(), key, row)).get();
            }
        }

        // The notifier's part: 9 nifty and 6 biglobe initial notices, nifty5's bounced
        List<NotificationRequest> requests = deliverAll(15, "nifty5@nifty.com");
        requests.stream().filter(r -> r.getTenant().equals("nifty") && !r.getMailboxAddress().equals("nifty5@nifty.com"))
                .forEach(r -> mailedNifty.add(r.getMailboxId()));
        await().atMost(Duration.ofSeconds(60)).until(() -> count("nifty", RemediationState.NOTIFIED) == 8
                && count("biglobe", RemediationState.NOTIFIED) == 6);

        // The ISPs' part: resets by customers, nifty's lock and other-channel commands done
        reset("nifty", "nifty1@nifty.com");
        reset("nifty", "nifty2@nifty.com");
        reset("nifty", "nifty3@nifty.com");
        reset("biglobe", "big0@biglobe.ne.jp");
        reset("biglobe", "big1@biglobe.ne.jp");
        List<IspCommand> commands = commands("nifty", 2);
        try (var producer = producer(IspCommandAnswer.class)) {
            for (IspCommand command : commands) {
                producer.send(new ProducerRecord<>(names.tenantCommandAnswers("nifty"), command.getMailboxId(),
                        IspCommandAnswer.newBuilder().setCommandId(command.getCommandId())
                                .setMailboxId(command.getMailboxId()).setTenant("nifty").setAnswer(CommandAnswerKind.DONE)
                                .setAnsweredBy("nifty-ops").setAnsweredAt(Instant.now()).build())).get();
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> count("nifty", RemediationState.RESET_COMPLETED) == 3
                && count("nifty", RemediationState.LOCKED) == 1 && count("nifty", RemediationState.NOTIFIED) == 5
                && count("biglobe", RemediationState.RESET_COMPLETED) == 2
                && reasonOfUndeliverable().equals(StateReason.REACHED_BY_OTHER_CHANNEL.name()));
    }

    @AfterAll
    static void stop() {
        TrackerOnBroker.closeAll(tracker, intake, registry, broker);
    }

    @Test
    @Order(1)
    void aLiveCampaignReconcilesCleanWithEveryFigureExact() {
        ReconcileResult result = reconcile();

        assertThat(result.mismatches()).isEmpty();
        assertThat(result.clean()).isTrue();
        assertThat(result.intake().rowsRead()).isEqualTo(21);
        assertThat(result.intake().accepted()).isEqualTo(16);
        assertThat(result.intake().duplicates()).isEqualTo(2);
        assertThat(result.intake().invalid()).isEqualTo(3);
        assertThat(result.intake().rejected()).isEqualTo(3);
        assertThat(result.intake().invalidByReason()).containsOnlyKeys("MISSING_ADDRESS", "INVALID_ADDRESS",
                "UNKNOWN_TENANT");
        assertThat(result.intake().rowsAddUp()).isTrue();
        TenantRecount nifty = result.tenants().get("nifty");
        assertThat(nifty.accepted()).isEqualTo(10);
        assertThat(nifty.duplicates()).isEqualTo(2);
        assertThat(nifty.tracked()).isEqualTo(10);
        assertThat(nifty.byState()).containsEntry("NOTIFIED", 5L).containsEntry("RESET_COMPLETED", 3L)
                .containsEntry("LOCKED", 1L).containsEntry("UNDELIVERABLE", 1L);
        assertThat(nifty.byStateAndReason().get("LOCKED")).containsExactlyEntriesOf(
                Map.of("LOCKED_FORMER_ACCOUNT", 1L));
        assertThat(nifty.byLifecycle()).containsEntry("FORMER", 1L).containsEntry("ACTIVE", 9L);
        assertThat(nifty.remediated()).isEqualTo(4);
        assertThat(nifty.noticesRequested()).containsEntry("INITIAL_NOTICE", 9L);
        assertThat(nifty.noticesByOutcome().get("INITIAL_NOTICE")).containsEntry("SENT", 8L).containsEntry("BOUNCED", 1L);
        assertThat(nifty.commandsIssued()).containsEntry("LOCK_ACCOUNT", 1L).containsEntry("REACH_BY_OTHER_CHANNEL", 1L)
                .containsEntry("FORCE_PASSWORD_RESET", 0L);
        assertThat(nifty.answers()).containsEntry("DONE", 2L);
        TenantRecount biglobe = result.tenants().get("biglobe");
        assertThat(biglobe.byState()).containsEntry("NOTIFIED", 4L).containsEntry("RESET_COMPLETED", 2L);
        assertThat(biglobe.byLifecycle()).containsEntry("INACTIVE", 6L);
        assertThat(result.counters().values()).allSatisfy(c -> assertThat(c.verdict().name()).isEqualTo("EQUAL"));
        assertThat(result.mailboxes()).isEqualTo(16);
    }

    @Test
    @Order(2)
    void theReportOverEveryIspHoldsTheRecountInEveryFormatAndAgreesWithTheApi() throws Exception {
        ReconcileResult reconciled = reconcile();
        RegulatorReport report = RegulatorReport.of(reconciled,
                new Incident(config.breachCutoff(), config.campaignClock().start(), config.tenants()), "all");
        JsonNode json = JSON.readTree(ReportJson.text(report));

        assertThat(json.path("kind").asText()).as("nine mailboxes are still only notified").isEqualTo("INTERIM");
        assertThat(json.path("intake").path("rowsRead").asLong()).isEqualTo(21);
        assertThat(json.path("intake").path("rejected").asLong()).isEqualTo(3);
        JsonNode nifty = json.path("sections").path("nifty");
        assertThat(nifty.path("name").asText()).isEqualTo(HOSTILE_NAME);
        assertThat(nifty.path("mailboxes").path("accepted").asLong()).isEqualTo(10);
        assertThat(nifty.path("mailboxes").path("remediated").asLong()).isEqualTo(4);
        assertThat(nifty.path("mailboxes").path("open").asLong()).isEqualTo(6);
        assertThat(nifty.path("remediatedHow").path("customer").asLong()).isEqualTo(3);
        assertThat(nifty.path("remediatedHow").path("locked").asLong()).isEqualTo(1);
        assertThat(nifty.path("remediatedHow").path("reachedByOtherChannel").asLong()).isEqualTo(1);
        assertThat(nifty.path("figures").path("commands").path("issued").path("LOCK_ACCOUNT").asLong()).isEqualTo(1);
        assertThat(nifty.path("milestones").path("firstNoticeSent").isTextual()).isTrue();
        assertThat(nifty.path("milestones").path("allInitialNoticesOut").isTextual()).isTrue();
        assertThat(nifty.path("milestones").path("remediated50").isNull()).as("4 of 10").isTrue();
        assertThat(nifty.path("milestones").path("lastMailbox").isNull()).isTrue();
        assertThat(json.path("sections").path("all").path("mailboxes").path("accepted").asLong()).isEqualTo(16);
        assertThat(json.path("sections").path("all").path("mailboxes").path("remediated").asLong()).isEqualTo(6);
        assertThat(json.path("incident").path("policies").path("nifty").path("deadline").asText()).isEqualTo("PT336H");
        for (String tenant : List.of("nifty", "biglobe")) {
            JsonNode section = json.path("sections").path(tenant);
            JsonNode api = apiReport(tenant);
            assertThat(section.path("mailboxes").path("tracked").asLong()).isEqualTo(api.path("total").asLong());
            assertThat(section.path("mailboxes").path("remediated").asLong()).isEqualTo(api.path("remediated").asLong());
            for (RemediationState state : RemediationState.values()) {
                assertThat(section.path("figures").path("byState").path(state.name()).asLong()).as(tenant + " " + state)
                        .isEqualTo(api.path("byState").path(state.name()).asLong())
                        .isEqualTo(reconciled.tenants().get(tenant).state(state));
            }
        }

        Path csv = dir.resolve("report.csv");
        ReportCommand.write(report, ReportFormat.CSV, csv);
        String csvText = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(csvText).startsWith("\uFEFFsection,isp,item,value\r\n")
                .contains("isp,nifty,mailboxes.accepted,10\r\n")
                .contains("isp,nifty,name,\"'" + HOSTILE_NAME.replace("\"", "\"\"") + "\"\r\n")
                .doesNotContain("@nifty.com").doesNotContain("@biglobe.ne.jp");
        Path html = dir.resolve("report.html");
        ReportCommand.write(report, ReportFormat.HTML, html);
        assertThat(Files.readString(html)).contains("data-key=\"sections.nifty.mailboxes.accepted\">10<")
                .doesNotContain(HOSTILE_NAME).contains("HYPERLINK(&quot;http://x.example/&quot;");
        reportJson = json;
        reportHtml = html;
    }

    @Test
    @Order(3)
    void theReportPageRendersInABrowserWithTheJsonsFigures() throws Exception {
        Chromium.assumeInstalled();
        ChromeDriver browser = Chromium.start(dir.resolve("chromium"));
        try {
            browser.get(reportHtml.toUri().toString());
            List<WebElement> figures = browser.findElements(By.cssSelector("[data-key]"));
            assertThat(figures).hasSizeGreaterThan(100);
            for (WebElement figure : figures) {
                String key = figure.getAttribute("data-key");
                JsonNode value = at(reportJson, key);
                assertThat(figure.getText()).as(key).isEqualTo(shown(key, value));
            }
            assertThat(browser.findElements(By.cssSelector("section.isp"))).hasSize(3);
            assertThat(browser.findElements(By.cssSelector("section.isp svg polyline"))).hasSize(3);
            byte[] screenshot = browser.getScreenshotAs(OutputType.BYTES);
            Files.write(Path.of("target", "regulator-report.png"), screenshot);
            assertThat(screenshot.length).isGreaterThan(10_000);
        } finally {
            browser.quit();
        }
    }

    private static JsonNode at(JsonNode root, String dotted) {
        JsonNode node = root;
        for (String part : dotted.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    /** As the page shows a figure: counts with thousands separators, shares as percentages, a dash for none. */
    private static String shown(String key, JsonNode value) {
        if (value.isNull() || value.isMissingNode()) {
            return "—";
        }
        if (value.isIntegralNumber()) {
            return String.format(java.util.Locale.ROOT, "%,d", value.asLong());
        }
        if (value.isFloatingPointNumber() && key.endsWith("Share")) {
            return String.format(java.util.Locale.ROOT, "%.2f%%", value.asDouble() * 100);
        }
        return value.asText();
    }

    private static JsonNode apiReport(String tenant) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder()
                .header("Authorization", "Bearer " + ApiTokensForTests.OPERATIONS)
                .uri(URI.create("http://127.0.0.1:" + tracker.httpPort() + "/api/report?tenant=" + tenant)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    @Order(4)
    void aStoppedCampaignReconcilesCleanAndTheJsonSaysSo() throws Exception {
        tracker.close();
        intake.close();

        ReconcileResult result = reconcile();

        assertThat(result.mismatches()).isEmpty();
        JsonNode json = JSON.readTree(ReconcileJson.text(result));
        assertThat(json.path("clean").asBoolean()).isTrue();
        assertThat(json.path("tenants").path("nifty").path("byState").path("RESET_COMPLETED").asLong()).isEqualTo(3);
        assertThat(json.path("intake").path("rowsRead").asLong()).isEqualTo(21);
        assertThat(json.toString()).doesNotContain("@nifty.com").doesNotContain("@biglobe.ne.jp");
    }

    @Test
    @Order(5)
    void aStateCountedTwiceInTheCountersIsNamedAndPutRightAgain() throws Exception {
        TenantProgress published = latestProgress("nifty");
        Map<String, Long> inflated = new HashMap<>();
        published.getCountsByState().forEach((state, n) -> inflated.put(String.valueOf(state), n));
        inflated.merge("NOTIFIED", 1L, Long::sum);
        TenantProgress wrong = TenantProgress.newBuilder(published).setCountsByState(inflated)
                .setTotal(published.getTotal() + 1).build();
        try (var producer = producer(TenantProgress.class)) {
            producer.send(new ProducerRecord<>(names.remediationProgress(), "nifty", wrong)).get();
        }

        ReconcileResult broken = reconcile();

        assertThat(broken.mismatches()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MismatchKind.COUNTERS_DISAGREE);
            assertThat(m.tenant()).isEqualTo("nifty");
            assertThat(m.detail()).contains("NOTIFIED published 6, recounted 5").contains("total published 11");
        });
        try (var producer = producer(TenantProgress.class)) {
            producer.send(new ProducerRecord<>(names.remediationProgress(), "nifty", published)).get();
        }
        assertThat(reconcile().mismatches()).isEmpty();
    }

    @Test
    @Order(6)
    void aCommandNeverAnsweredIsNamed() throws Exception {
        String mailbox = mailedNifty.stream().filter(id -> !id.equals(IDS.of("nifty1@nifty.com"))
                && !id.equals(IDS.of("nifty2@nifty.com")) && !id.equals(IDS.of("nifty3@nifty.com"))).findFirst()
                .orElseThrow();
        try (var producer = producer(IspCommand.class)) {
            producer.send(new ProducerRecord<>(names.tenantForceResets("nifty"), mailbox, IspCommand.newBuilder()
                    .setCommandId(mailbox + ".force-password-reset.1").setMailboxId(mailbox).setTenant("nifty")
                    .setAddress("x@nifty.com").setAction(IspAction.FORCE_PASSWORD_RESET)
                    .setReason(StateReason.DEADLINE_REACHED).setIssuedAt(Instant.parse("2025-05-20T00:00:00Z"))
                    .setAttempt(1).setRespondBy(Instant.parse("2025-05-22T00:00:00Z")).setCancelled(false).build()))
                    .get();
        }

        ReconcileResult result = reconcile();

        assertThat(result.mismatches()).extracting(Mismatch::kind, Mismatch::mailboxId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MismatchKind.COMMAND_UNANSWERED, mailbox));
        assertThat(result.mismatches().get(0).detail()).contains(mailbox + ".force-password-reset.1")
                .contains("2025-05-22");
    }

    @Test
    @Order(7)
    void aNoticeWithTwoFinalOutcomesIsNamed() throws Exception {
        String mailbox = IDS.of("nifty4@nifty.com");
        String notice = mailbox + ".initial-notice.0";
        try (var producer = producer(DeliveryOutcome.class)) {
            producer.send(new ProducerRecord<>(names.notifyOutcomes(), mailbox, outcome(notice, mailbox,
                    "nifty", DeliveryStatus.SENT))).get();
        }

        ReconcileResult result = reconcile();

        assertThat(result.mismatches()).filteredOn(m -> m.kind() == MismatchKind.NOTICE_TWO_FINAL_OUTCOMES)
                .singleElement().satisfies(m -> {
                    assertThat(m.mailboxId()).isEqualTo(mailbox);
                    assertThat(m.detail()).contains(notice).contains("2 final outcomes [SENT, SENT]");
                });
        assertThat(result.mismatchesByKind()).containsOnlyKeys(MismatchKind.COMMAND_UNANSWERED,
                MismatchKind.NOTICE_TWO_FINAL_OUTCOMES);
    }

    @Test
    @Order(8)
    void aMailboxTheTrackerConsumedButNeverTrackedIsNamedWhileOneNotYetConsumedIsPending() throws Exception {
        String mailbox = IDS.of("lost@nifty.com");
        RecordMetadata written;
        try (var producer = producer(IntakeRecord.class)) {
            written = producer.send(new ProducerRecord<>(names.remediationIntake(), mailbox,
                    intakeRecord(mailbox, "nifty", "lost@nifty.com"))).get();
        }

        ReconcileResult pending = reconcile();

        assertThat(pending.tenants().get("nifty").pendingAtTracker()).isEqualTo(1);
        assertThat(pending.mismatches()).filteredOn(m -> mailbox.equals(m.mailboxId())).extracting(Mismatch::kind)
                .as("no breach row has it; not yet consumed by the tracker, so not missing from it")
                .containsExactly(MismatchKind.ACCEPTED_WITHOUT_ROW);

        // When the tracker's offset moves past the record without its having been processed
        moveTrackerPast(written);

        ReconcileResult lost = reconcile();

        assertThat(lost.tenants().get("nifty").pendingAtTracker()).isZero();
        assertThat(lost.mismatches()).filteredOn(m -> mailbox.equals(m.mailboxId()))
                .extracting(Mismatch::kind)
                .containsExactly(MismatchKind.ACCEPTED_WITHOUT_ROW, MismatchKind.MISSING_FROM_TRACKER);
    }

    @Test
    @Order(9)
    void anAcceptedMailboxOfATenantTheTrackerNeverSawIsNamed() throws Exception {
        String mailbox = IDS.of("someone@ghost.example");
        RecordMetadata written;
        try (var producer = producer(IntakeRecord.class)) {
            written = producer.send(new ProducerRecord<>(names.remediationIntake(), mailbox,
                    intakeRecord(mailbox, "ghost", "someone@ghost.example"))).get();
        }
        moveTrackerPast(written);

        ReconcileResult result = reconcile();

        assertThat(result.mismatches()).filteredOn(m -> mailbox.equals(m.mailboxId()))
                .extracting(Mismatch::kind, Mismatch::tenant)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MismatchKind.TENANT_NOT_TRACKED, "ghost"),
                        org.assertj.core.groups.Tuple.tuple(MismatchKind.ACCEPTED_WITHOUT_ROW, "ghost"),
                        org.assertj.core.groups.Tuple.tuple(MismatchKind.MISSING_FROM_TRACKER, "ghost"));
        assertThat(result.tenants().get("ghost").accepted()).isEqualTo(1);
        assertThat(result.mismatchCount()).as("one unanswered command, one notice twice, two for the lost mailbox, three here")
                .isEqualTo(7);
        assertThat(result.clean()).isFalse();
    }

    private static ReconcileResult reconcile() {
        return new Reconciler(new ReconcileSettings(names, config.tenants(), SECRET,
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), registry.url(),
                ServiceIds.DEFAULT, dir.resolve("reconcile"), Duration.ofSeconds(3), Duration.ofHours(24), 100, true)).run();
    }

    private static BreachRow row(String address, String lifecycle) {
        return BreachRow.newBuilder()
                .setSource(SourceReference.newBuilder().setFile("breach.csv").setLine(1).setImportId("it").build())
                .setAddress(address).setTenant(null).setBrand(null).setLifecycle(lifecycle)
                .setCredentialStorage("hashed").setContactAddress(null).setAccountId(null)
                .setImportedAt(Instant.now()).build();
    }

    private static IntakeRecord intakeRecord(String mailbox, String tenant, String address) {
        return IntakeRecord.newBuilder().setMailboxId(mailbox).setTenant(tenant).setAddress(address)
                .setLifecycle(AccountLifecycle.ACTIVE).setCredentialStorage(CredentialStorage.PLAINTEXT)
                .setPriority(Priority.URGENT).setAcceptedAt(Instant.now()).build();
    }

    private static DeliveryOutcome outcome(String notificationId, String mailbox, String tenant, DeliveryStatus status) {
        return DeliveryOutcome.newBuilder().setNotificationId(notificationId).setMailboxId(mailbox).setTenant(tenant)
                .setKind(NoticeKind.INITIAL_NOTICE).setStatus(status).setChannel(RecipientChannel.MAILBOX)
                .setHadContactAddress(false).setAttempt(1).setMessageId("<" + notificationId + "@test>")
                .setOccurredAt(Instant.now()).build();
    }

    /**
     * Plays the notifier: reads the requests in its group, writes one final outcome per request and
     * commits the offsets in the same transaction, as the notifier does.
     */
    private static List<NotificationRequest> deliverAll(int expected, String bouncing) {
        Map<String, Object> producerProps = new HashMap<>(producerProps());
        producerProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "reconcile-it-notifier");
        List<NotificationRequest> delivered = new ArrayList<>();
        try (KafkaConsumer<String, NotificationRequest> consumer = consumer(NotificationRequest.class, NOTIFIER_GROUP);
             KafkaProducer<String, DeliveryOutcome> producer = new KafkaProducer<>(producerProps,
                     new StringSerializer(), serdes.value(DeliveryOutcome.class).serializer())) {
            producer.initTransactions();
            consumer.subscribe(List.of(names.notifyRequests("nifty"), names.notifyRequests("biglobe")));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                var records = consumer.poll(Duration.ofMillis(200));
                if (records.isEmpty()) {
                    return delivered.size() >= expected;
                }
                producer.beginTransaction();
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                for (ConsumerRecord<String, NotificationRequest> record : records) {
                    NotificationRequest request = record.value();
                    DeliveryStatus status = request.getMailboxAddress().equals(bouncing)
                            ? DeliveryStatus.BOUNCED : DeliveryStatus.SENT;
                    producer.send(new ProducerRecord<>(names.notifyOutcomes(), request.getMailboxId(),
                            outcome(request.getNotificationId(), request.getMailboxId(), request.getTenant(), status)));
                    offsets.put(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1));
                    delivered.add(request);
                }
                producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
                producer.commitTransaction();
                return false;
            });
        }
        assertThat(delivered).hasSize(expected);
        return delivered;
    }

    private static void reset(String tenant, String address) throws Exception {
        String mailbox = IDS.of(address);
        try (var producer = producer(PasswordResetEvent.class)) {
            producer.send(new ProducerRecord<>(names.tenantPasswordResets(tenant), mailbox,
                    PasswordResetEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setTenant(tenant)
                            .setMailboxId(mailbox).setAddress(null).setChangedAt(Instant.now())
                            .setActor(ResetActor.CUSTOMER).build())).get();
        }
    }

    private static List<IspCommand> commands(String tenant, int expected) {
        List<IspCommand> read = new ArrayList<>();
        try (KafkaConsumer<String, IspCommand> consumer = consumer(IspCommand.class, "isp-" + tenant + "-" + System.nanoTime())) {
            consumer.subscribe(List.of(names.tenantForceResets(tenant)));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> read.add(record.value()));
                return read.size() >= expected;
            });
        }
        assertThat(read).extracting(IspCommand::getAction)
                .containsExactlyInAnyOrder(IspAction.LOCK_ACCOUNT, IspAction.REACH_BY_OTHER_CHANNEL);
        return read;
    }

    private static void moveTrackerPast(RecordMetadata written) throws Exception {
        try (Admin admin = broker.createAdmin()) {
            admin.alterConsumerGroupOffsets(config.applicationId(), Map.of(
                    new TopicPartition(written.topic(), written.partition()),
                    new OffsetAndMetadata(written.offset() + 1))).all().get();
        }
    }

    private static TenantProgress latestProgress(String tenant) {
        TenantProgress[] latest = new TenantProgress[1];
        try (KafkaConsumer<String, TenantProgress> consumer = consumer(TenantProgress.class, "progress-" + System.nanoTime())) {
            List<TopicPartition> partitions = consumer.partitionsFor(names.remediationProgress()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.key().equals(tenant)) {
                        latest[0] = record.value();
                    }
                });
                return partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp));
            });
        }
        return latest[0];
    }

    private static long count(String tenant, RemediationState state) throws Exception {
        return tenantJson(tenant).path("countsByState").path(state.name()).asLong();
    }

    private static String reasonOfUndeliverable() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder()
                .header("Authorization", "Bearer " + ApiTokensForTests.OPERATIONS)
                .uri(URI.create("http://127.0.0.1:" + tracker.httpPort() + "/api/mailboxes/"
                        + IDS.of("nifty5@nifty.com"))).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).path("reason").asText();
    }

    private static JsonNode tenantJson(String tenant) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder()
                .header("Authorization", "Bearer " + ApiTokensForTests.OPERATIONS)
                .uri(URI.create("http://127.0.0.1:" + tracker.httpPort() + "/api/tenants")).build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode node : JSON.readTree(response.body())) {
            if (node.path("tenant").asText().equals(tenant)) {
                return node;
            }
        }
        return JSON.createObjectNode();
    }

    /** A read-committed consumer in the group, from the earliest offset, committing only when told to. */
    private static <T extends SpecificRecord> KafkaConsumer<String, T> consumer(Class<T> type, String group) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        AvroDeserializer<T> values = new AvroDeserializer<>();
        values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url(),
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        return new KafkaConsumer<>(props, new StringDeserializer(), values);
    }

    private static <T extends SpecificRecord> KafkaProducer<String, T> producer(Class<T> type) {
        return new KafkaProducer<>(producerProps(), new StringSerializer(), serdes.value(type).serializer());
    }

    private static Map<String, Object> producerProps() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    }
}
