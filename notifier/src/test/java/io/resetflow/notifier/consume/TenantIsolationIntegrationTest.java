package io.resetflow.notifier.consume;

import static io.resetflow.notifier.consume.NotifierServiceIntegrationTest.gauge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.resetflow.avro.DeliveryOutcome;
import io.resetflow.avro.DeliveryStatus;
import io.resetflow.avro.NotificationRequest;
import io.resetflow.embedded.EmbeddedKafkaBroker;
import io.resetflow.notifier.NotifierService;
import io.resetflow.notifier.Requests;
import io.resetflow.notifier.config.NotifierConfig;
import io.resetflow.notifier.send.MailTransport;
import io.resetflow.notifier.send.SmtpMailTransport;
import io.resetflow.notifier.send.SmtpSettings;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No tenant holds up another, for minutes, on a real broker and a real SMTP server: alpha is paused by
 * an operator and bravo's relay refuses connections while charlie's mail flows at charlie's own rate;
 * then alpha resumes and bravo's relay comes back, and both drain with each mail sent exactly once.
 */
class TenantIsolationIntegrationTest {

    /** 10:00 in Tokyo: outside quiet hours. */
    private static final Clock DAYTIME = Clock.fixed(Instant.parse("2025-06-17T01:00:00Z"), ZoneOffset.UTC);
    private static final int ALPHA_MAILS = 20;
    private static final int BRAVO_MAILS = 20;
    /** At charlie's 2 mails a second: a bucket of 2 at once, then 2 a second: at least 124 s for 250. */
    private static final int CHARLIE_MAILS = 250;
    private static final double CHARLIE_RATE = 2.0;
    private static final int WINDOW = 5;
    private static final Duration HOLD_INITIAL = Duration.ofMillis(250);
    private static final Duration HOLD_MAX = Duration.ofSeconds(4);
    private static final String TENANTS = """
            defaults:
              policy:
                sendRatePerSecond: 50
                dailySendCap: 100000
            tenants:
            """ + tenant("alpha", null) + tenant("bravo", null) + tenant("charlie", CHARLIE_RATE);

    private static EmbeddedKafkaBroker broker;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.builder().build().start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private static String tenant(String id, Double rate) {
        return "  - id: " + id + "\n"
                + "    name: " + id + " net\n"
                + "    brands: [" + id + " mail]\n"
                + "    domains: [" + id + ".example.jp]\n"
                + "    share: 0.3\n"
                + "    mail:\n"
                + "      from: security@" + id + ".example.jp\n"
                + "      replyTo: support@" + id + ".example.jp\n"
                + "      supportDesk: \"0120-000-000\"\n"
                + "      portalHosts: [www." + id + ".example.jp]\n"
                + (rate == null ? "" : "    policy:\n      sendRatePerSecond: " + rate + "\n");
    }

    @Test
    void aPausedTenantAndADownRelayHoldUpOnlyThemselvesWhileAnotherTenantSendsAtItsRate() throws Exception {
        Path tenantsFile = Files.writeString(dir.resolve("tenants.yaml"), TENANTS);
        int smtpPort = freePort();
        int deadRelayPort = freePort();
        GreenMail greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        AtomicBoolean bravoRelayUp = new AtomicBoolean(false);
        try (NotifierHarness harness = new NotifierHarness(broker, dir, List.of("alpha", "bravo", "charlie"));
             SmtpMailTransport relay = new SmtpMailTransport(SmtpSettings.plain("127.0.0.1", smtpPort, 2));
             SmtpMailTransport deadRelay = new SmtpMailTransport(SmtpSettings.plain("127.0.0.1", deadRelayPort, 1))) {
            // Given alpha paused by an operator, bravo's relay refusing connections, windows of 5 per tenant
            Map<String, Object> settings = harness.settings(smtpPort, "ledger");
            settings.put(NotifierConfig.TENANTS_FILE, tenantsFile.toString());
            settings.put(NotifierConfig.PAUSED_TENANTS, "alpha");
            settings.put(NotifierConfig.MAX_PENDING, WINDOW);
            settings.put(NotifierConfig.RELAY_HOLD_INITIAL_MS, HOLD_INITIAL.toMillis());
            settings.put(NotifierConfig.RELAY_HOLD_MAX_MS, HOLD_MAX.toMillis());
            Function<String, MailTransport> transports =
                    tenant -> tenant.equals("bravo") && !bravoRelayUp.get() ? deadRelay : relay;
            try (NotifierService notifier = harness.start(settings, transports, 3, DAYTIME)) {
                // When alpha's and bravo's requests are written, then charlie's
                List<NotificationRequest> alpha = requests("alpha", ALPHA_MAILS);
                List<NotificationRequest> bravo = requests("bravo", BRAVO_MAILS);
                List<NotificationRequest> charlie = requests("charlie", CHARLIE_MAILS);
                alpha.forEach(harness::request);
                bravo.forEach(harness::request);
                long charlieStart = System.nanoTime();
                charlie.forEach(harness::request);

                // Then charlie finishes at its own rate while alpha and bravo are held the whole time
                await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> finals(harness.outcomes(), "charlie") == CHARLIE_MAILS);
                Duration charlieTook = Duration.ofNanos(System.nanoTime() - charlieStart);
                assertThat(charlieTook).isGreaterThanOrEqualTo(Duration.ofMillis(
                        (long) ((CHARLIE_MAILS - Math.ceil(CHARLIE_RATE)) / CHARLIE_RATE * 1000)));
                assertThat(charlieTook).isLessThan(Duration.ofSeconds(170));
                List<DeliveryOutcome> whileHeld = harness.outcomes();
                assertThat(of(whileHeld, "charlie")).extracting(DeliveryOutcome::getStatus).containsOnly(DeliveryStatus.SENT);
                assertThat(received(greenMail, "charlie.example.jp")).hasSize(CHARLIE_MAILS).allSatisfy((to, count) ->
                        assertThat(count).isEqualTo(1));
                // alpha's requests, written before charlie's, were never read
                assertThat(of(whileHeld, "alpha")).isEmpty();
                assertThat(received(greenMail, "alpha.example.jp")).isEmpty();
                assertThat(gauge(notifier, "resetflow.notifier.pending", "alpha", null)).isZero();
                assertThat(gauge(notifier, "resetflow.notifier.held", "alpha", "paused")).isEqualTo(1.0);
                // bravo holds exactly its window, only deferred, its relay probed once per back-off, not hammered
                assertThat(gauge(notifier, "resetflow.notifier.pending", "bravo", null)).isEqualTo(WINDOW);
                assertThat(gauge(notifier, "resetflow.notifier.held", "bravo", "relay")).isEqualTo(1.0);
                assertThat(gauge(notifier, "resetflow.notifier.relay.held", "bravo", null)).isEqualTo(1.0);
                assertThat(of(whileHeld, "bravo")).extracting(DeliveryOutcome::getStatus).containsOnly(DeliveryStatus.DEFERRED);
                assertThat(of(whileHeld, "bravo")).extracting(DeliveryOutcome::getSmtpCode).containsOnlyNulls();
                assertThat(of(whileHeld, "bravo")).hasSizeLessThanOrEqualTo(probeBound(charlieTook));
                assertThat(received(greenMail, "bravo.example.jp")).isEmpty();

                // When alpha is resumed and bravo's relay is back
                notifier.tenantSwitches().resume("alpha");
                bravoRelayUp.set(true);

                // Then both drain: every request has exactly one final outcome, SENT, and every mail arrived once
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> finals(harness.outcomes(), "alpha") == ALPHA_MAILS
                                && finals(harness.outcomes(), "bravo") == BRAVO_MAILS);
                List<DeliveryOutcome> all = harness.outcomes();
                for (NotificationRequest request : concat(alpha, bravo, charlie)) {
                    assertThat(all.stream().filter(o -> o.getNotificationId().equals(request.getNotificationId()))
                            .filter(o -> o.getStatus() != DeliveryStatus.DEFERRED))
                            .as(request.getNotificationId()).singleElement()
                            .extracting(DeliveryOutcome::getStatus).isEqualTo(DeliveryStatus.SENT);
                }
                assertThat(received(greenMail, "alpha.example.jp")).hasSize(ALPHA_MAILS).allSatisfy((to, count) ->
                        assertThat(count).isEqualTo(1));
                assertThat(received(greenMail, "bravo.example.jp")).hasSize(BRAVO_MAILS).allSatisfy((to, count) ->
                        assertThat(count).isEqualTo(1));
                assertThat(greenMail.getReceivedMessages()).hasSize(ALPHA_MAILS + BRAVO_MAILS + CHARLIE_MAILS);
                assertThat(gauge(notifier, "resetflow.notifier.relay.held", "bravo", null)).isZero();
                assertThat(notifier.registry().scrape())
                        .contains("resetflow_notifier_relay_holds_total{reason=\"unreachable\",tenant=\"bravo\"} 1.0")
                        .doesNotContain("resetflow_notifier_relay_holds_total{reason=\"unreachable\",tenant=\"charlie\"}");
            }
        } finally {
            greenMail.stop();
        }
    }

    /**
     * Bravo's deferred outcomes while held: its window's first attempts (all may be on the wire before
     * the first refusal), then one probe per back-off, which doubles from 250 ms to 4 s (5 probes in the
     * first 7.75 s, then one every 4 s), counted over charlie's time plus one back-off for the moments
     * between bravo's first refusal and charlie's first request.
     */
    private static int probeBound(Duration charlieTook) {
        return WINDOW + 5 + (int) Math.ceil(charlieTook.plus(HOLD_MAX).toMillis() / (double) HOLD_MAX.toMillis());
    }

    private static List<NotificationRequest> requests(String tenant, int count) {
        List<NotificationRequest> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(Requests.initial(tenant, tenant + "-mbx-" + i, "user" + i + "@" + tenant + ".example.jp"));
        }
        return requests;
    }

    @SafeVarargs
    private static List<NotificationRequest> concat(List<NotificationRequest>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }

    private static List<DeliveryOutcome> of(List<DeliveryOutcome> outcomes, String tenant) {
        return outcomes.stream().filter(o -> o.getTenant().equals(tenant)).toList();
    }

    private static long finals(List<DeliveryOutcome> outcomes, String tenant) {
        return of(outcomes, tenant).stream().filter(o -> o.getStatus() != DeliveryStatus.DEFERRED).count();
    }

    /** Mails received per recipient of the domain. */
    private static Map<String, Long> received(GreenMail greenMail, String domain) {
        return List.of(greenMail.getReceivedMessagesForDomain(domain)).stream()
                .collect(Collectors.groupingBy(TenantIsolationIntegrationTest::recipient, Collectors.counting()));
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }
}
