package io.resetflow.notifier.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.resetflow.avro.DeliveryOutcome;
import io.resetflow.avro.DeliveryStatus;
import io.resetflow.avro.NoticeKind;
import io.resetflow.avro.NotificationRequest;
import io.resetflow.avro.RecipientChannel;
import io.resetflow.embedded.EmbeddedKafkaBroker;
import io.resetflow.notifier.NotifierService;
import io.resetflow.notifier.Requests;
import io.resetflow.notifier.ScriptedSmtpServer;
import io.resetflow.notifier.config.NotifierConfig;
import io.resetflow.notifier.send.SmtpMailTransport;
import io.resetflow.notifier.send.SmtpSettings;
import io.resetflow.notifier.send.TenantTransports;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notifier against a real broker and real SMTP servers (GreenMail, or a scripted one for 4xx/5xx). */
class NotifierServiceIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** 10:00 in Tokyo: outside quiet hours. */
    private static final Clock DAYTIME = Clock.fixed(Instant.parse("2025-06-17T01:00:00Z"), ZoneOffset.UTC);
    private static EmbeddedKafkaBroker broker;

    @TempDir
    Path stateDir;

    private NotifierHarness harness;
    private GreenMail greenMail;
    private int smtpPort;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.builder().build().start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        harness = new NotifierHarness(broker, stateDir);
        try (ServerSocket free = new ServerSocket(0)) {
            smtpPort = free.getLocalPort();
        }
        greenMail = startGreenMail(smtpPort);
    }

    @AfterEach
    void tearDown() {
        harness.close();
        greenMail.stop();
    }

    private static GreenMail startGreenMail(int port) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static List<DeliveryOutcome> of(List<DeliveryOutcome> outcomes, String notificationId) {
        return outcomes.stream().filter(o -> o.getNotificationId().equals(notificationId)).toList();
    }

    static double gauge(NotifierService notifier, String name, String tenant, String cause) {
        var search = notifier.registry().get(name).tag("tenant", tenant);
        return (cause == null ? search : search.tag("cause", cause)).gauge().value();
    }

    private static long finals(List<DeliveryOutcome> outcomes, String notificationId) {
        return of(outcomes, notificationId).stream().filter(o -> o.getStatus() != DeliveryStatus.DEFERRED).count();
    }

    @Test
    void sendsEachTenantsMailThroughItsOwnRelay() throws Exception {
        // Given nifty naming its own relay (a second GreenMail) and every other tenant on the global one
        int niftyPort;
        try (ServerSocket free = new ServerSocket(0)) {
            niftyPort = free.getLocalPort();
        }
        GreenMail niftyRelay = startGreenMail(niftyPort);
        Map<String, Object> settings = harness.settings(smtpPort, "ledger");
        settings.put("smtp.nifty.host", "127.0.0.1");
        settings.put("smtp.nifty.port", niftyPort);
        NotifierConfig config = new NotifierConfig(settings);
        try (TenantTransports relays = new TenantTransports(config.relays());
             NotifierService notifier = harness.start(settings, relays, relays.connections(), DAYTIME)) {
            // When a nifty and a jcom notice are requested
            harness.request(Requests.initial("nifty", "mbx-n", "n@nifty.com"));
            harness.request(Requests.initial("jcom", "mbx-j", "j@zaq.ne.jp"));

            // Then both are SENT, nifty's through nifty's relay only and jcom's through the global relay only
            await().atMost(WAIT).until(() -> harness.outcomes().size() >= 2);
            assertThat(harness.outcomes()).extracting(DeliveryOutcome::getStatus).containsOnly(DeliveryStatus.SENT);
            assertThat(niftyRelay.getReceivedMessages()).extracting(m -> m.getAllRecipients()[0].toString())
                    .containsExactly("n@nifty.com");
            assertThat(greenMail.getReceivedMessages()).extracting(m -> m.getAllRecipients()[0].toString())
                    .containsExactly("j@zaq.ne.jp");
        } finally {
            niftyRelay.stop();
        }
    }

    @Test
    void aLoopThatDiesOnItsOwnStopsItsSendingThreadsAndTheServiceCountsAsFailed() throws Exception {
        Map<String, Object> settings = harness.settings(smtpPort, "ledger");
        NotifierConfig config = new NotifierConfig(settings);
        try (SmtpMailTransport smtp = new SmtpMailTransport(SmtpSettings.plain("127.0.0.1", smtpPort, 2));
             NotifierService notifier = harness.start(settings, smtp, DAYTIME)) {
            harness.request(Requests.initial("nifty", "mbx-f1", "f1@nifty.com"));
            await().atMost(WAIT).until(() -> harness.outcomes().size() >= 1);
            assertThat(notifier.sendingStopped()).isFalse();

            // When another instance with its transactional id fences its producer, and a request comes
            try (KafkaProducer<byte[], byte[]> other = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId()),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                other.initTransactions();
            }
            harness.request(Requests.initial("nifty", "mbx-f2", "f2@nifty.com"));

            // Then its loop dies at the next commit: the sending threads are stopped and it reports itself failed
            boolean failed = CompletableFuture.supplyAsync(() -> {
                try {
                    return notifier.awaitStop();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }).get(60, TimeUnit.SECONDS);
            assertThat(failed).isTrue();
            assertThat(notifier.sendingStopped()).isTrue();
            assertThat(notifier.isHealthy()).isFalse();
            assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + notifier.httpPort() + "/health/live")).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode()).isEqualTo(503);
        }
    }

    @Test
    void sendsEachRequestOnceAndPublishesItsSentOutcome() throws Exception {
        // Given two requests, one with a contact address on file
        NotificationRequest toMailbox = Requests.initial("nifty", "mbx-a", "a@nifty.com");
        NotificationRequest toContact = Requests.builder("jcom", NoticeKind.REMINDER, "mbx-b")
                .setMailboxAddress("b@zaq.ne.jp").setContactAddress("b-home@example-contact.jp").build();
        try (SmtpMailTransport smtp = new SmtpMailTransport(SmtpSettings.plain("127.0.0.1", smtpPort, 2));
             NotifierService notifier = harness.start(harness.settings(smtpPort, "ledger"), smtp, DAYTIME)) {
            // When they are requested
            harness.request(toMailbox);
            harness.request(toContact);

            // Then each ends SENT, with its channel, and GreenMail received one mail each
            await().atMost(WAIT).until(() -> harness.outcomes().size() >= 2);
            DeliveryOutcome a = of(harness.outcomes(), toMailbox.getNotificationId()).get(0);
            DeliveryOutcome b = of(harness.outcomes(), toContact.getNotificationId()).get(0);
            assertThat(a.getStatus()).isEqualTo(DeliveryStatus.SENT);
            assertThat(a.getChannel()).isEqualTo(RecipientChannel.MAILBOX);
            assertThat(a.getHadContactAddress()).isFalse();
            assertThat(a.getSmtpCode()).isEqualTo(250);
            assertThat(b.getChannel()).isEqualTo(RecipientChannel.CONTACT_ADDRESS);
            assertThat(b.getHadContactAddress()).isTrue();
            assertThat(greenMail.getReceivedMessagesForDomain("nifty.com")).hasSize(1);
            assertThat(greenMail.getReceivedMessagesForDomain("example-contact.jp")).hasSize(1);
            assertThat(greenMail.getReceivedMessagesForDomain("zaq.ne.jp")).isEmpty();
            assertThat(greenMail.getReceivedMessagesForDomain("nifty.com")[0].getMessageID()).isEqualTo(a.getMessageId());
            assertThat(notifier.registry().scrape()).contains("resetflow_notifier_outcomes_total{kind=\"INITIAL_NOTICE\",status=\"SENT\",tenant=\"nifty\"} 1.0");
        }
    }

    @Test
    void retriesATemporaryRejectionThenSendsAndBouncesAPermanentOne() throws Exception {
        try (ScriptedSmtpServer relay = new ScriptedSmtpServer()
                .script("busy@zaq.ne.jp", "451 4.7.1 greylisted", "450 4.2.1 mailbox busy")
                .script("gone@zaq.ne.jp", "550 5.1.1 user unknown");
             SmtpMailTransport smtp = new SmtpMailTransport(SmtpSettings.plain("127.0.0.1", relay.port(), 2));
             NotifierService notifier = harness.start(harness.settings(relay.port(), "ledger"), smtp, DAYTIME)) {
            NotificationRequest busy = Requests.initial("jcom", "mbx-busy", "busy@zaq.ne.jp");
            NotificationRequest gone = Requests.initial("jcom", "mbx-gone", "gone@zaq.ne.jp");
            harness.request(busy);
            harness.request(gone);

            await().atMost(WAIT).until(() -> finals(harness.outcomes(), busy.getNotificationId()) == 1
                    && finals(harness.outcomes(), gone.getNotificationId()) == 1);
            assertThat(of(harness.outcomes(), busy.getNotificationId()))
                    .extracting(DeliveryOutcome::getStatus, DeliveryOutcome::getSmtpCode, DeliveryOutcome::getAttempt)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(DeliveryStatus.DEFERRED, 451, 1),
                            org.assertj.core.groups.Tuple.tuple(DeliveryStatus.DEFERRED, 450, 2),
                            org.assertj.core.groups.Tuple.tuple(DeliveryStatus.SENT, 250, 3));
            DeliveryOutcome bounced = of(harness.outcomes(), gone.getNotificationId()).get(0);
            assertThat(bounced.getStatus()).isEqualTo(DeliveryStatus.BOUNCED);
            assertThat(bounced.getSmtpCode()).isEqualTo(550);
            assertThat(bounced.getSmtpReply()).contains("user unknown");
            assertThat(relay.acceptedFor("busy@zaq.ne.jp")).isEqualTo(1);
            assertThat(relay.acceptedFor("gone@zaq.ne.jp")).isZero();
            // the 450 asked jcom to slow down
            assertThat(notifier.rateLimits().currentRate("jcom")).isLessThan(notifier.rateLimits().limit("jcom"));
        }
    }

    @Test
    void triesTheOtherAddressOnFileWhenTheContactAddressBouncesAndBouncesOnlyWhenBothDid() throws Exception {
        // Given one request whose contact address is unknown to its relay, and one whose both addresses are
        try (ScriptedSmtpServer relay = new ScriptedSmtpServer()
                .script("home@example-contact.jp", "550 5.1.1 <home@example-contact.jp>: Recipient address rejected: User unknown")
                .script("gone-home@example-contact.jp", "550 5.1.1 <gone-home@example-contact.jp>: user unknown")
                .script("gone@zaq.ne.jp", "550 5.1.1 gone@zaq.ne.jp: user unknown");
             SmtpMailTransport smtp = new SmtpMailTransport(SmtpSettings.plain("127.0.0.1", relay.port(), 2));
             NotifierService notifier = harness.start(harness.settings(relay.port(), "ledger"), smtp, DAYTIME)) {
            NotificationRequest reachable = Requests.builder("jcom", NoticeKind.INITIAL_NOTICE, "mbx-other")
                    .setMailboxAddress("other@zaq.ne.jp").setContactAddress("home@example-contact.jp").build();
            NotificationRequest unreachable = Requests.builder("jcom", NoticeKind.INITIAL_NOTICE, "mbx-none")
                    .setMailboxAddress("gone@zaq.ne.jp").setContactAddress("gone-home@example-contact.jp").build();

            // When both are requested
            harness.request(reachable);
            harness.request(unreachable);

            // Then the first bounces at its contact address (non-final, the address scrubbed) and is SENT to the mailbox
            await().atMost(WAIT).until(() -> finals(harness.outcomes(), reachable.getNotificationId()) == 1
                    && finals(harness.outcomes(), unreachable.getNotificationId()) == 1);
            assertThat(of(harness.outcomes(), reachable.getNotificationId()))
                    .extracting(DeliveryOutcome::getStatus, DeliveryOutcome::getChannel, DeliveryOutcome::getSmtpCode)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(DeliveryStatus.DEFERRED, RecipientChannel.CONTACT_ADDRESS, 550),
                            org.assertj.core.groups.Tuple.tuple(DeliveryStatus.SENT, RecipientChannel.MAILBOX, 250));
            DeliveryOutcome bouncedContact = of(harness.outcomes(), reachable.getNotificationId()).get(0);
            assertThat(bouncedContact.getSmtpReply()).contains("<address>").contains("User unknown").doesNotContain("@");
            assertThat(relay.acceptedFor("other@zaq.ne.jp")).isEqualTo(1);
            assertThat(relay.acceptedFor("home@example-contact.jp")).isZero();
            // and the second is BOUNCED only after its mailbox bounced too, naming the mailbox
            assertThat(of(harness.outcomes(), unreachable.getNotificationId()))
                    .extracting(DeliveryOutcome::getStatus, DeliveryOutcome::getChannel)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(DeliveryStatus.DEFERRED, RecipientChannel.CONTACT_ADDRESS),
                            org.assertj.core.groups.Tuple.tuple(DeliveryStatus.BOUNCED, RecipientChannel.MAILBOX));
            assertThat(of(harness.outcomes(), unreachable.getNotificationId()).get(1).getSmtpReply())
                    .isEqualTo("550 5.1.1 <address>: user unknown");
        }
    }

    @Test
    void holdsTheTenantOnAPolicyRejectionBouncesNobodyAndSendsOnceTheRelayTakesMailAgain() throws Exception {
        // Given a relay that refuses jcom's first mail on policy grounds (5.7.1), then takes mail again
        try (ScriptedSmtpServer relay = new ScriptedSmtpServer()
                .script("policy@zaq.ne.jp", "554 5.7.1 <policy@zaq.ne.jp>: Relay access denied");
             SmtpMailTransport smtp = new SmtpMailTransport(SmtpSettings.plain("127.0.0.1", relay.port(), 2));
             NotifierService notifier = harness.start(harness.settings(relay.port(), "ledger"), smtp, DAYTIME)) {
            NotificationRequest request = Requests.initial("jcom", "mbx-policy", "policy@zaq.ne.jp");

            // When it is requested
            harness.request(request);

            // Then it is deferred (not bounced), the tenant's relay was held once, and the probe after the hold sends it
            await().atMost(WAIT).until(() -> finals(harness.outcomes(), request.getNotificationId()) == 1);
            assertThat(of(harness.outcomes(), request.getNotificationId()))
                    .extracting(DeliveryOutcome::getStatus, DeliveryOutcome::getSmtpCode)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(DeliveryStatus.DEFERRED, 554),
                            org.assertj.core.groups.Tuple.tuple(DeliveryStatus.SENT, 250));
            assertThat(relay.acceptedFor("policy@zaq.ne.jp")).isEqualTo(1);
            assertThat(notifier.registry().scrape())
                    .contains("resetflow_notifier_relay_holds_total{reason=\"rejecting\",tenant=\"jcom\"} 1.0")
                    .contains("resetflow_notifier_relay_held{tenant=\"jcom\"} 0.0")
                    .doesNotContain("status=\"BOUNCED\"");
        }
    }

    @Test
    void blamesTheRelayWhenManyRecipientsFailAlikeAndBouncesNoneFromThen() throws Exception {
        // Given a burst threshold of 3 and a relay that answers "user unknown" to the first RCPT of each of three
        try (ScriptedSmtpServer relay = new ScriptedSmtpServer()
                .script("one@zaq.ne.jp", "550 5.1.1 user unknown")
                .script("two@zaq.ne.jp", "550 5.1.1 user unknown")
                .script("three@zaq.ne.jp", "550 5.1.1 user unknown");
             SmtpMailTransport smtp = new SmtpMailTransport(SmtpSettings.plain("127.0.0.1", relay.port(), 2))) {
            Map<String, Object> settings = harness.settings(relay.port(), "ledger");
            settings.put(NotifierConfig.RELAY_BURST_COUNT, 3);
            settings.put(NotifierConfig.RELAY_BURST_WINDOW_MS, 60_000L);
            try (NotifierService notifier = harness.start(settings, smtp, DAYTIME)) {
                List<NotificationRequest> requests = List.of(Requests.initial("jcom", "mbx-one", "one@zaq.ne.jp"),
                        Requests.initial("jcom", "mbx-two", "two@zaq.ne.jp"),
                        Requests.initial("jcom", "mbx-three", "three@zaq.ne.jp"));

                // When the three are requested
                requests.forEach(harness::request);

                // Then the first two failures bounce, the third is the relay's: held, deferred, and sent by the probe
                await().atMost(WAIT).until(() -> requests.stream()
                        .allMatch(r -> finals(harness.outcomes(), r.getNotificationId()) == 1));
                List<DeliveryStatus> finalStatuses = harness.outcomes().stream()
                        .filter(o -> o.getStatus() != DeliveryStatus.DEFERRED).map(DeliveryOutcome::getStatus).toList();
                assertThat(finalStatuses).containsExactlyInAnyOrder(DeliveryStatus.BOUNCED, DeliveryStatus.BOUNCED,
                        DeliveryStatus.SENT);
                assertThat(harness.outcomes()).filteredOn(o -> o.getStatus() == DeliveryStatus.DEFERRED)
                        .extracting(DeliveryOutcome::getSmtpCode).containsExactly(550);
                assertThat(notifier.registry().scrape())
                        .contains("resetflow_notifier_relay_holds_total{reason=\"rejecting\",tenant=\"jcom\"} 1.0");
            }
        }
    }

    @Test
    void losesNothingWhileTheSmtpServerIsDownAndSendsOnceItIsBack() throws Exception {
        try (SmtpMailTransport smtp = new SmtpMailTransport(SmtpSettings.plain("127.0.0.1", smtpPort, 2));
             NotifierService notifier = harness.start(harness.settings(smtpPort, "ledger"), smtp, DAYTIME)) {
            // Given the relay is down
            greenMail.stop();
            NotificationRequest request = Requests.initial("biglobe", "mbx-down", "down@biglobe.ne.jp");

            // When a request arrives, it is deferred (connection refused, no reply code)
            harness.request(request);
            await().atMost(WAIT).until(() -> !of(harness.outcomes(), request.getNotificationId()).isEmpty());
            DeliveryOutcome deferred = of(harness.outcomes(), request.getNotificationId()).get(0);
            assertThat(deferred.getStatus()).isEqualTo(DeliveryStatus.DEFERRED);
            assertThat(deferred.getSmtpCode()).isNull();

            // Then, once the relay is back, it is sent exactly once
            greenMail = startGreenMail(smtpPort);
            await().atMost(WAIT).until(() -> finals(harness.outcomes(), request.getNotificationId()) == 1);
            assertThat(of(harness.outcomes(), request.getNotificationId())).last()
                    .extracting(DeliveryOutcome::getStatus).isEqualTo(DeliveryStatus.SENT);
            assertThat(greenMail.getReceivedMessagesForDomain("biglobe.ne.jp")).hasSize(1);
        }
    }

    @Test
    void neverSendsANotificationIdTwiceAcrossARestartAndAReplayOfTheTopic() throws Exception {
        NotificationRequest request = Requests.initial("ctc", "mbx-once", "once@commufa.jp");
        try (SmtpMailTransport smtp = new SmtpMailTransport(SmtpSettings.plain("127.0.0.1", smtpPort, 2))) {
            // Given a request sent by a first notifier
            try (NotifierService first = harness.start(harness.settings(smtpPort, "ledger-1"), smtp, DAYTIME)) {
                harness.request(request);
                await().atMost(WAIT).until(() -> finals(harness.outcomes(), request.getNotificationId()) == 1);
            }

            // When a notifier with a new consumer group (a replay from the start of the topic) and an
            // empty local index starts, and the tracker requests the same notice once more
            Map<String, Object> replay = harness.settings(smtpPort, "ledger-2");
            replay.put("notifier.group.id", "replay-" + harness.prefix);
            try (NotifierService second = harness.start(replay, smtp, DAYTIME)) {
                harness.request(request);
                NotificationRequest marker = Requests.initial("ctc", "mbx-marker", "marker@commufa.jp");
                harness.request(marker);
                await().atMost(WAIT).until(() -> finals(harness.outcomes(), marker.getNotificationId()) == 1);

                // Then the notice went out once and has exactly one final outcome
                assertThat(greenMail.getReceivedMessagesForDomain("commufa.jp"))
                        .extracting(m -> m.getAllRecipients()[0].toString())
                        .containsExactlyInAnyOrder("once@commufa.jp", "marker@commufa.jp");
                assertThat(finals(harness.outcomes(), request.getNotificationId())).isEqualTo(1);
                assertThat(second.registry().scrape()).contains("resetflow_notifier_duplicates_skipped_total{tenant=\"ctc\"} 2.0");
            }
        }
    }

    @Test
    void holdsMailsDuringQuietHoursAndSendsThemAfterwards() throws Exception {
        // Given a clock at 23:00 Tokyo (quiet until 08:00)
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-06-17T14:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.fixed(now.get(), zone);
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        NotificationRequest request = Requests.initial("stnet", "mbx-night", "night@pikara.ne.jp");
        try (SmtpMailTransport smtp = new SmtpMailTransport(SmtpSettings.plain("127.0.0.1", smtpPort, 2));
             NotifierService notifier = harness.start(harness.settings(smtpPort, "ledger"), smtp, clock)) {
            harness.request(request);

            // When it is quiet, stnet's partitions are paused: the request is not even read
            await().atMost(WAIT).until(() -> gauge(notifier, "resetflow.notifier.held", "stnet", "quiet_hours") == 1.0);
            assertThat(gauge(notifier, "resetflow.notifier.pending", "stnet", null)).isZero();

            // Then at 08:00 Tokyo it is read and goes out, once, stamped after the quiet hours
            now.set(Instant.parse("2025-06-17T23:00:00Z"));
            await().atMost(WAIT).until(() -> finals(harness.outcomes(), request.getNotificationId()) == 1);
            assertThat(of(harness.outcomes(), request.getNotificationId())).singleElement()
                    .extracting(DeliveryOutcome::getOccurredAt).isEqualTo(Instant.parse("2025-06-17T23:00:00Z"));
            assertThat(greenMail.getReceivedMessagesForDomain("pikara.ne.jp")).hasSize(1);
            assertThat(gauge(notifier, "resetflow.notifier.held", "stnet", "quiet_hours")).isZero();
        }
    }

    @Test
    void refusesAHeaderInjectionAttemptWithAFailedOutcomeAndDeadLettersGarbage() throws Exception {
        NotificationRequest injected = Requests.builder("nifty", NoticeKind.INITIAL_NOTICE, "mbx-inject")
                .setContactAddress("victim@example.jp\r\nBcc: attacker@evil.example").build();
        NotificationRequest unknownTenant = Requests.initial("no-such-isp", "mbx-unknown", "x@example.jp");
        NotificationRequest after = Requests.initial("nifty", "mbx-after", "after@nifty.com");
        try (SmtpMailTransport smtp = new SmtpMailTransport(SmtpSettings.plain("127.0.0.1", smtpPort, 2));
             NotifierService notifier = harness.start(harness.settings(smtpPort, "ledger"), smtp, DAYTIME)) {
            harness.request(injected);
            harness.request("nifty", unknownTenant);
            harness.rawRequest("nifty", "mbx-after", new byte[] {0, 0, 0, 0, 42, 1, 2});
            harness.request(after);

            await().atMost(WAIT).until(() -> finals(harness.outcomes(), after.getNotificationId()) == 1
                    && finals(harness.outcomes(), injected.getNotificationId()) == 1
                    && finals(harness.outcomes(), unknownTenant.getNotificationId()) == 1);
            assertThat(of(harness.outcomes(), injected.getNotificationId()).get(0).getSmtpReply()).startsWith("refused:");
            assertThat(of(harness.outcomes(), injected.getNotificationId()).get(0).getStatus()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(of(harness.outcomes(), unknownTenant.getNotificationId()).get(0).getSmtpReply()).contains("unknown tenant");
            assertThat(greenMail.getReceivedMessages()).extracting(m -> m.getAllRecipients()[0].toString())
                    .containsExactly("after@nifty.com");
            assertThat(notifier.registry().scrape()).contains("resetflow_notifier_dead_letters_total 1.0");
        }
    }

    @Test
    void pauseAndResumeAreForOperationsAndEachTenantsStaffSeesOnlyItsTenant() throws Exception {
        String niftyStaff = "notifier-test-nifty-staff-token-0123456789a";
        Map<String, Object> settings = harness.settings(smtpPort, "ledger");
        settings.put(NotifierConfig.HTTP_TOKENS, settings.get(NotifierConfig.HTTP_TOKENS) + ";"
                + io.resetflow.core.http.ApiTokens.line(io.resetflow.core.http.Caller.ofTenant("nifty-staff", "nifty"),
                niftyStaff));
        try (SmtpMailTransport smtp = new SmtpMailTransport(SmtpSettings.plain("127.0.0.1", smtpPort, 1));
             NotifierService notifier = harness.start(settings, smtp, DAYTIME)) {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            java.util.function.BiFunction<String, String, java.net.http.HttpResponse<String>> post = (path, token) -> {
                var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                        + notifier.httpPort() + path)).POST(java.net.http.HttpRequest.BodyPublishers.noBody());
                if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                }
                try {
                    return http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };

            assertThat(post.apply("/tenants/nifty/pause", null).statusCode()).isEqualTo(401);
            assertThat(post.apply("/tenants/nifty/pause", niftyStaff).statusCode()).isEqualTo(403);
            assertThat(post.apply("/tenants/jcom/pause", niftyStaff).statusCode()).isEqualTo(404);
            assertThat(post.apply("/tenants/nifty/pause", NotifierHarness.OPERATIONS_TOKEN).body())
                    .isEqualTo("{\"tenant\":\"nifty\",\"paused\":true}");
            assertThat(post.apply("/tenants/nifty/resume", NotifierHarness.OPERATIONS_TOKEN).body())
                    .isEqualTo("{\"tenant\":\"nifty\",\"paused\":false}");

            String overview = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                            + notifier.httpPort() + "/tenants")).header("Authorization", "Bearer " + niftyStaff).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertThat(overview).startsWith("[{\"tenant\":\"nifty\"").doesNotContain("jcom");
        }
    }

    @Test
    void mailsOnlyTheMailboxItsIdWasMadeFromOrAContactSealedToIt() throws Exception {
        // Given the recipient check on, with the deployment's secret
        String secret = "notifier-recipient-check-secret-0123456789";
        io.resetflow.core.identity.MailboxIds ids = new io.resetflow.core.identity.MailboxIds(secret);
        Map<String, Object> settings = harness.settings(smtpPort, "ledger");
        settings.put(NotifierConfig.VERIFY_RECIPIENTS, true);
        settings.put(NotifierConfig.MAILBOX_ID_SECRET, secret);
        String taro = ids.of("taro@nifty.com");
        NotificationRequest genuine = Requests.builder("nifty", NoticeKind.INITIAL_NOTICE, taro)
                .setMailboxAddress("taro@nifty.com").setContactAddress("taro-home@example-contact.jp")
                .setContactSeal(ids.contactSeal(taro, "taro-home@example-contact.jp")).build();
        NotificationRequest foreignMailbox = NotificationRequest.newBuilder(
                Requests.initial("nifty", taro, "victim@nifty.com")).setNotificationId(taro + ":forged-mailbox").build();
        NotificationRequest unsealedContact = Requests.builder("nifty", NoticeKind.REMINDER, taro)
                .setMailboxAddress("taro@nifty.com").setContactAddress("phish-drop@example-attacker.jp").build();
        NotificationRequest resealed = Requests.builder("nifty", NoticeKind.FINAL_NOTICE, taro)
                .setMailboxAddress("taro@nifty.com").setContactAddress("phish-drop@example-attacker.jp")
                .setContactSeal(ids.contactSeal(taro, "taro-home@example-contact.jp")).build();
        String jiro = ids.of("jiro@nifty.com");
        NotificationRequest otherTenant = Requests.initial("jcom", jiro, "jiro@nifty.com");
        try (SmtpMailTransport smtp = new SmtpMailTransport(SmtpSettings.plain("127.0.0.1", smtpPort, 1));
             NotifierService notifier = harness.start(settings, smtp, DAYTIME)) {
            // When the genuine request and four forged ones arrive
            for (NotificationRequest request : List.of(foreignMailbox, unsealedContact, resealed, genuine)) {
                harness.request(request);
            }
            harness.request(otherTenant);

            // Then only the genuine one is mailed; each forged one is refused with its reason, and nothing reached
            // the attacker's addresses or the victim
            await().atMost(WAIT).until(() -> harness.outcomes().size() >= 5);
            assertThat(of(harness.outcomes(), genuine.getNotificationId())).singleElement()
                    .extracting(DeliveryOutcome::getStatus).isEqualTo(DeliveryStatus.SENT);
            assertThat(of(harness.outcomes(), foreignMailbox.getNotificationId())).singleElement()
                    .extracting(DeliveryOutcome::getSmtpReply)
                    .isEqualTo("refused: the mailbox address is not the one of its mailboxId");
            assertThat(of(harness.outcomes(), unsealedContact.getNotificationId())).singleElement()
                    .extracting(DeliveryOutcome::getSmtpReply)
                    .isEqualTo("refused: the contact address is not sealed to its mailbox");
            assertThat(of(harness.outcomes(), resealed.getNotificationId())).singleElement()
                    .extracting(DeliveryOutcome::getSmtpReply)
                    .isEqualTo("refused: the contact address is not sealed to its mailbox");
            assertThat(of(harness.outcomes(), otherTenant.getNotificationId())).singleElement()
                    .extracting(DeliveryOutcome::getSmtpReply).isEqualTo("refused: the mailbox is in a domain of another tenant");
            assertThat(greenMail.getReceivedMessages()).hasSize(1);
            assertThat(greenMail.getReceivedMessagesForDomain("example-contact.jp")).hasSize(1);
            assertThat(notifier.registry().get("resetflow.notifier.recipients.refused").tag("tenant", "nifty").counter()
                    .count()).isEqualTo(3.0);
        }
    }
}
