package io.resetflow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.resetflow.avro.DeliveryOutcome;
import io.resetflow.avro.DeliveryStatus;
import io.resetflow.avro.IspAction;
import io.resetflow.avro.IspCommand;
import io.resetflow.avro.NoticeKind;
import io.resetflow.avro.NotificationRequest;
import io.resetflow.avro.PasswordResetEvent;
import io.resetflow.avro.ResetActor;
import io.resetflow.synthetic.ExpectedCounts;
import io.resetflow.core.tenant.QuietHours;
import io.resetflow.core.tenant.RemediationPolicy;
import io.resetflow.core.topic.TopicNames;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A whole local campaign at day lengths where quiet hours recur every few seconds, checked against
 * the generator's expected counts and the records on the topics: the path, not only the end state.
 */
class ExactCampaignTest {

    private static final int MAILBOXES = 400;
    private static final long SEED = 7;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final RemediationPolicy POLICY = RemediationPolicy.DEFAULT;

    @TempDir
    Path dataDir;

    @ParameterizedTest(name = "{0} s a campaign day")
    @ValueSource(ints = {3, 6})
    void everyMailboxIsNotifiedOnceRemindedOnScheduleAndRemediatedExactly(int daySeconds) throws Exception {
        try (LocalStack stack = new LocalStack(new LocalStackSettings(dataDir, LocalStackSettings.Ports.anyFree(),
                MAILBOXES, SEED, daySeconds)).start()) {
            ExpectedCounts expected = expectedCounts();
            long lockedOnly = expected.acceptedPerPriority().getOrDefault("LOCK", 0L);
            long mailEligible = expected.accepted() - lockedOnly;

            // Every tenant has exactly the mailboxes generated for it, and the campaign ends with all remediated
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(totals(stack)).isEqualTo(expected.acceptedPerTenant()));
            Duration campaign = Duration.ofSeconds((long) daySeconds * 30);
            await().atMost(campaign).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(tenants(stack)).allSatisfy(t -> assertThat(t.get("remediated").asLong())
                            .as("remediated of %s", t.get("tenant").asText()).isEqualTo(t.get("total").asLong())));
            assertThat(totals(stack)).isEqualTo(expected.acceptedPerTenant());

            Records records = Records.read(stack);

            // Every mail-eligible mailbox: exactly one final initial-notice outcome, before its deadline
            Map<String, List<DeliveryOutcome>> initialFinals = records.finalOutcomes(NoticeKind.INITIAL_NOTICE);
            assertThat(initialFinals).hasSize((int) mailEligible);
            assertThat(initialFinals.values()).allSatisfy(finals -> assertThat(finals).hasSize(1));
            Map<String, NotificationRequest> initialRequests = records.requests(NoticeKind.INITIAL_NOTICE);
            assertThat(initialRequests).hasSize((int) mailEligible);
            initialFinals.forEach((mailbox, finals) -> assertThat(finals.get(0).getOccurredAt())
                    .isBefore(initialRequests.get(mailbox).getDeadline()));

            // No notice of any kind has two final outcomes
            assertThat(records.finalsPerNotification().values()).allSatisfy(n -> assertThat(n).isEqualTo(1L));

            // Nothing is sent in the night in Tokyo (quiet 21:00-08:00). A mail is checked again when its SMTP
            // connection takes it, but one taken just before 21:00 ends its exchange up to a few hundred wall-clock
            // milliseconds later on a busy 2-core machine, which is hours of campaign time here: 600 ms of slack.
            Duration slack = Duration.ofMillis(Math.round(600 * 86_400.0 / daySeconds));
            assertThat(records.outcomes).filteredOn(o -> o.getStatus() == DeliveryStatus.SENT)
                    .allSatisfy(o -> assertThat(inQuietHours(o.getOccurredAt(), slack)).as(o.getNotificationId())
                            .isFalse());

            // Reminders only at their offsets, to mailboxes whose customer had not reset by then (a reset less
            // than two wall-clock seconds old may still be on its way to the tracker: producer, repartition and
            // two exactly-once commits on a busy 2-core machine)
            Duration inTransit = Duration.ofMillis(Math.round(2_000 * 86_400.0 / daySeconds));
            List<NotificationRequest> reminders = records.requestsOf(NoticeKind.REMINDER);
            assertThat(reminders).isNotEmpty();
            assertThat(reminders).allSatisfy(reminder -> {
                Instant initial = initialRequests.get(reminder.getMailboxId()).getRequestedAt();
                Duration offset = POLICY.reminderOffsets().get(reminder.getSequence() - 1);
                assertThat(reminder.getRequestedAt()).isAfterOrEqualTo(initial.plus(offset));
                assertThat(records.firstResetBefore(reminder.getMailboxId(), reminder.getRequestedAt().minus(inTransit)))
                        .as("reset before reminder %s", reminder.getNotificationId()).isFalse();
            });

            // Forced resets only where the customer neither reset nor was locked first
            List<IspCommand> forced = records.commands(IspAction.FORCE_PASSWORD_RESET);
            assertThat(forced).isNotEmpty().allSatisfy(command -> assertThat(
                    records.firstResetBefore(command.getMailboxId(), command.getIssuedAt().minus(inTransit)))
                    .as("reset before %s", command.getCommandId()).isFalse());
            assertThat(records.commands(IspAction.LOCK_ACCOUNT)).hasSize((int) lockedOnly);

            // Every command ended in a final answer: the ISP reported the reset or lock (nothing is left open or escalated)
            assertThat(records.commands).filteredOn(c -> !c.getCancelled()).allSatisfy(command -> assertThat(
                    records.answeredAfter(command.getMailboxId(), command.getIssuedAt()))
                    .as("answer to %s", command.getCommandId()).isTrue());
            for (JsonNode tenant : tenants(stack)) {
                JsonNode counts = tenant.get("countsByState");
                assertThat(counts.path("ESCALATED").asLong()).as("escalated").isZero();
                assertThat(counts.path("FORCE_RESET_REQUESTED").asLong()).as("force reset open").isZero();
                assertThat(counts.path("LOCK_REQUESTED").asLong()).as("lock open").isZero();
            }
            assertThat(stack.mail().dkimFailures()).as("mails without a valid DKIM signature").isZero();
            assertThat(stack.mail().accepted()).isEqualTo(records.outcomes.stream()
                    .filter(o -> o.getStatus() == DeliveryStatus.SENT).count());

            // The printed reconcile proves the finished campaign from the topics, with the generator's counts
            Path result = dataDir.resolve("reconcile.json");
            assertThat(run(stack.orderedAddresses().get("Reconcile") + " --out " + result)).isZero();
            JsonNode reconciled = JSON.readTree(result.toFile());
            assertThat(reconciled.path("mismatchCount").asLong()).as(reconciled.path("mismatches").toString()).isZero();
            assertThat(reconciled.path("intake").path("rowsRead").asLong()).isEqualTo(expected.rowsSent());
            assertThat(reconciled.path("intake").path("accepted").asLong()).isEqualTo(expected.accepted());
            assertThat(reconciled.path("intake").path("duplicates").asLong()).isEqualTo(expected.duplicates());
            assertThat(reconciled.path("intake").path("rowsAddUp").asBoolean()).isTrue();
            expected.acceptedPerTenant().forEach((tenant, accepted) -> assertThat(reconciled.path("tenants").path(tenant)
                    .path("remediated").asLong()).as("remediated of %s", tenant).isEqualTo(accepted));

            // ... and the printed report is the final one, every mailbox remediated
            assertThat(run(stack.orderedAddresses().get("Report").replace("--format html", "--format json")
                    .replace("regulator-report.html", "regulator-report.json"))).isZero();
            JsonNode report = JSON.readTree(dataDir.resolve("regulator-report.json").toFile());
            assertThat(report.path("kind").asText()).isEqualTo("FINAL");
            assertThat(report.path("sections").path("all").path("mailboxes").path("remediated").asLong())
                    .isEqualTo(expected.accepted());
            assertThat(report.path("sections").path("all").path("milestones").path("remediated100").isTextual()).isTrue();

            // Every topic the campaign used, internal ones included, is a generated KafkaTopic, partitions and
            // cleanup policy alike, and the manifests declare no topic the campaign did not have
            assertThat(DeclaredTopics.generated(stack.configValues())).isEqualTo(DeclaredTopics.onBroker(stack));
        }
    }

    /** Runs a command as the console prints it; its exit code. */
    private static int run(String printed) {
        return io.resetflow.cli.ResetFlowCli.commandLine()
                .execute(printed.substring("bin/resetflow ".length()).split(" "));
    }

    private ExpectedCounts expectedCounts() throws Exception {
        try (Stream<Path> files = Files.list(dataDir.resolve("sample"))) {
            Path sidecar = files.filter(f -> f.getFileName().toString().endsWith(".expected.json")).findFirst()
                    .orElseThrow();
            return ExpectedCounts.read(sidecar);
        }
    }

    private static boolean inQuietHours(Instant at, Duration slack) {
        QuietHours quiet = POLICY.quietHours();
        return new QuietHours(quiet.from().plus(slack), quiet.until().minus(slack), quiet.zone()).isQuiet(at);
    }

    private static Map<String, Long> totals(LocalStack stack) throws Exception {
        Map<String, Long> totals = new HashMap<>();
        tenants(stack).forEach(t -> totals.put(t.get("tenant").asText(), t.get("total").asLong()));
        return totals;
    }

    private static List<JsonNode> tenants(LocalStack stack) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.dashboardUrl()
                + "api/tenants")).header("Authorization", "Bearer " + stack.operationsToken()).build(),
                HttpResponse.BodyHandlers.ofString());
        List<JsonNode> list = new ArrayList<>();
        JSON.readTree(response.body()).forEach(list::add);
        return list;
    }

    /** What the topics say happened. */
    private record Records(List<DeliveryOutcome> outcomes, List<NotificationRequest> requests,
                           List<IspCommand> commands, Map<String, Instant> firstReset, Map<String, Instant> lastReset) {

        static Records read(LocalStack stack) {
            TopicNames names = stack.config().topicNames();
            List<String> tenants = stack.config().tenants().ids();
            List<String> topics = new ArrayList<>(List.of(names.notifyOutcomes()));
            tenants.forEach(t -> topics.addAll(List.of(names.notifyRequests(t), names.tenantForceResets(t),
                    names.tenantPasswordResets(t))));
            List<Object> all = TopicContents.readAll(stack.adminClientProperties(), stack.registry().url(), topics);
            Map<String, Instant> firstReset = new HashMap<>();
            all.stream().filter(PasswordResetEvent.class::isInstance).map(PasswordResetEvent.class::cast)
                    .filter(e -> e.getActor() == ResetActor.CUSTOMER || e.getActor() == ResetActor.OPERATOR)
                    .forEach(e -> firstReset.merge(e.getMailboxId(), e.getChangedAt(),
                            (a, b) -> a.isBefore(b) ? a : b));
            Map<String, Instant> lastReset = new HashMap<>();
            all.stream().filter(PasswordResetEvent.class::isInstance).map(PasswordResetEvent.class::cast)
                    .forEach(e -> lastReset.merge(e.getMailboxId(), e.getChangedAt(), (a, b) -> a.isAfter(b) ? a : b));
            return new Records(of(all, DeliveryOutcome.class), of(all, NotificationRequest.class),
                    of(all, IspCommand.class), firstReset, lastReset);
        }

        private static <T> List<T> of(List<Object> all, Class<T> type) {
            return all.stream().filter(type::isInstance).map(type::cast).toList();
        }

        Map<String, List<DeliveryOutcome>> finalOutcomes(NoticeKind kind) {
            return outcomes.stream().filter(o -> o.getKind() == kind && o.getStatus() != DeliveryStatus.DEFERRED)
                    .collect(Collectors.groupingBy(DeliveryOutcome::getMailboxId));
        }

        Map<String, Long> finalsPerNotification() {
            return outcomes.stream().filter(o -> o.getStatus() != DeliveryStatus.DEFERRED)
                    .collect(Collectors.groupingBy(DeliveryOutcome::getNotificationId, Collectors.counting()));
        }

        Map<String, NotificationRequest> requests(NoticeKind kind) {
            return requests.stream().filter(r -> r.getKind() == kind)
                    .collect(Collectors.toMap(NotificationRequest::getMailboxId, r -> r, (a, b) -> a));
        }

        List<NotificationRequest> requestsOf(NoticeKind kind) {
            return requests.stream().filter(r -> r.getKind() == kind).toList();
        }

        List<IspCommand> commands(IspAction action) {
            return commands.stream().filter(c -> c.getAction() == action && !c.getCancelled()).toList();
        }

        /** The ISP's reset or lock event (or the customer's reset) came at or after the command. */
        boolean answeredAfter(String mailboxId, Instant issuedAt) {
            Instant last = lastReset.get(mailboxId);
            return last != null && !last.isBefore(issuedAt);
        }

        boolean firstResetBefore(String mailboxId, Instant at) {
            Instant first = firstReset.get(mailboxId);
            return first != null && first.isBefore(at);
        }
    }
}
