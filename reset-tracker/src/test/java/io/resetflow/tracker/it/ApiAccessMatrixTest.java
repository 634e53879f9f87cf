package io.resetflow.tracker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.resetflow.avro.AccountLifecycle;
import io.resetflow.avro.CredentialStorage;
import io.resetflow.avro.IntakeRecord;
import io.resetflow.avro.Priority;
import io.resetflow.core.identity.MailboxIds;
import io.resetflow.core.topic.TopicCreator;
import io.resetflow.embedded.EmbeddedKafkaBroker;
import io.resetflow.embedded.registry.EmbeddedSchemaRegistry;
import io.resetflow.serde.AvroSerdes;
import io.resetflow.tracker.TrackerService;
import io.resetflow.tracker.config.TrackerConfig;
import io.resetflow.tracker.topology.TrackerStores;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint of the tracker's API asked by every kind of caller, on two instances that forward to
 * each other: no token, a wrong token, a token of the other tenant, the tenant's own token, and the
 * operations token. A tenant's caller gets its own tenant's data and nothing of another's (404, no
 * body beyond the error), whichever instance holds the mailbox.
 */
class ApiAccessMatrixTest {

    private static final String SECRET = "tracker-it-secret-0123456789abcdefghij";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static EmbeddedKafkaBroker broker;
    private static EmbeddedSchemaRegistry registry;
    private static TrackerService first;
    private static TrackerService second;
    private static final Map<String, String> addressOf = new LinkedHashMap<>();
    private static final List<String> niftyIds = new ArrayList<>();

    @BeforeAll
    static void startTwoInstancesWithTwoTenants() throws Exception {
        broker = EmbeddedKafkaBroker.builder().build().start();
        registry = EmbeddedSchemaRegistry.builder(broker.bootstrapServers()).build().start();
        TrackerConfig config = config("a");
        try (Admin admin = broker.createAdmin()) {
            var topics = new ArrayList<>(config.topicPlan().topics(config.tenants()));
            topics.add(config.topicPlan().deadLetterTopic(config.applicationId()));
            TopicCreator.createMissing(admin, topics);
        }
        first = new TrackerService(config).start();
        second = new TrackerService(config("b")).start();
        await().atMost(Duration.ofSeconds(90)).until(() -> first.isRunning() && second.isRunning());
        MailboxIds ids = new MailboxIds(SECRET);
        try (KafkaProducer<String, IntakeRecord> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(),
                AvroSerdes.forRegistry(registry.url()).value(IntakeRecord.class).serializer())) {
            for (int i = 0; i < 8; i++) {
                for (String[] tenant : List.of(new String[]{"nifty", "nifty.com"}, new String[]{"biglobe", "biglobe.ne.jp"})) {
                    String address = "user" + i + "@" + tenant[1];
                    String id = ids.of(address);
                    addressOf.put(id, address);
                    if (tenant[0].equals("nifty")) {
                        niftyIds.add(id);
                    }
                    producer.send(new ProducerRecord<>(config.topicNames().remediationIntake(), id,
                            IntakeRecord.newBuilder().setMailboxId(id).setTenant(tenant[0]).setAddress(address)
                                    .setLifecycle(AccountLifecycle.ACTIVE).setCredentialStorage(CredentialStorage.HASHED)
                                    .setPriority(Priority.HIGH).setAcceptedAt(Instant.now()).build()));
                }
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> addressOf.keySet().stream().allMatch(id ->
                status(first, get("/api/mailboxes/" + id), ApiTokensForTests.OPERATIONS) == 200));
    }

    private static TrackerConfig config(String instance) {
        return TrackerOnBroker.config(broker, registry, SECRET, 4, dir.resolve(instance), "/it-two-tenants.yaml",
                Map.of(TrackerConfig.HTTP_LOOKUPS_PER_MINUTE, 1000L));
    }

    @AfterAll
    static void stop() {
        TrackerOnBroker.closeAll(second, first, registry, broker);
    }

    /** Who asks: the header they send, if any. */
    enum Asker {
        NO_TOKEN(null), WRONG_TOKEN("Bearer " + "x".repeat(43)), OTHER_TENANT("Bearer " + ApiTokensForTests.BIGLOBE),
        TENANT("Bearer " + ApiTokensForTests.NIFTY), OPERATIONS("Bearer " + ApiTokensForTests.OPERATIONS);

        final String authorization;

        Asker(String authorization) {
            this.authorization = authorization;
        }
    }

    static Stream<Arguments> niftyReads() {
        String mailbox = "/api/mailboxes/" + niftyIdHeldBy(second);
        List<String> paths = List.of("/api/tenants/nifty/progress/history", "/api/tenants/nifty/stragglers?limit=5",
                "/api/tenants/nifty/counters", "/api/report?tenant=nifty", mailbox);
        List<Arguments> cases = new ArrayList<>();
        for (String path : paths) {
            cases.add(Arguments.of(path, Asker.NO_TOKEN, 401));
            cases.add(Arguments.of(path, Asker.WRONG_TOKEN, 401));
            cases.add(Arguments.of(path, Asker.OTHER_TENANT, 404));
            cases.add(Arguments.of(path, Asker.TENANT, 200));
            cases.add(Arguments.of(path, Asker.OPERATIONS, 200));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} GET {0} -> {2}")
    @MethodSource("niftyReads")
    void aTenantsDataIsForItsOwnCallersAndOperations(String path, Asker asker, int expected) throws Exception {
        HttpResponse<String> response = send(first, get(path), asker);

        assertThat(response.statusCode()).isEqualTo(expected);
        if (expected == 404) {
            assertThat(JSON.readTree(response.body()).fieldNames()).toIterable().containsExactly("error");
            assertThat(response.body()).doesNotContain("nifty.com").doesNotContain("\"state\"");
        }
        if (expected == 401) {
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"resetflow\"");
        }
    }

    static Stream<Arguments> operationsOnly() {
        return Stream.of(Asker.values()).map(asker -> Arguments.of(asker, switch (asker) {
            case NO_TOKEN, WRONG_TOKEN -> 401;
            case OTHER_TENANT, TENANT -> 403;
            case OPERATIONS -> 200;
        }));
    }

    @ParameterizedTest(name = "{0} looks an address up -> {1}")
    @MethodSource("operationsOnly")
    void onlyOperationsLooksAnAddressUp(Asker asker, int expected) throws Exception {
        String id = niftyIdHeldBy(second);
        HttpResponse<String> response = send(first, post("/api/mailboxes/lookup",
                "{\"address\":\"" + addressOf.get(id) + "\"}"), asker);

        assertThat(response.statusCode()).isEqualTo(expected);
        if (expected == 200) {
            assertThat(JSON.readTree(response.body()).get("mailboxId").asText()).isEqualTo(id);
        } else {
            assertThat(response.body()).doesNotContain(id);
        }
    }

    @ParameterizedTest(name = "{0} re-drives -> {1}")
    @MethodSource("operationsOnly")
    void onlyOperationsReDrives(Asker asker, int expected) throws Exception {
        HttpResponse<String> response = send(first, post("/api/redrives",
                "{\"tenant\":\"nifty\",\"reasons\":[\"DELIVERY_FAILED\"]}"), asker);

        assertThat(response.statusCode()).isEqualTo(expected == 200 ? 202 : expected);
    }

    @Test
    void auditsEveryLookupAndReDriveByCallerAndMailboxIdNeverByAddress() throws Exception {
        ch.qos.logback.classic.Logger audit = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger("io.resetflow.audit");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
                new ch.qos.logback.core.read.ListAppender<>();
        lines.start();
        audit.setLevel(ch.qos.logback.classic.Level.INFO);
        audit.addAppender(lines);
        try {
            String id = niftyIdHeldBy(second);
            assertThat(send(first, post("/api/mailboxes/lookup", "{\"address\":\"" + addressOf.get(id) + "\"}"),
                    Asker.OPERATIONS).statusCode()).isEqualTo(200);
            assertThat(send(first, post("/api/redrives", "{\"tenant\":\"nifty\",\"reasons\":[\"BOUNCED\"]}"),
                    Asker.OPERATIONS).statusCode()).isEqualTo(202);
            assertThat(send(first, post("/api/redrives", "{\"tenant\":\"nifty\"}"), Asker.TENANT).statusCode())
                    .isEqualTo(403);

            List<String> recorded = lines.list.stream().map(e -> e.getFormattedMessage()).toList();
            assertThat(recorded).hasSize(2);
            assertThat(recorded.get(0)).isEqualTo("caller=test-operator role=operations action=lookup mailboxId=" + id);
            assertThat(recorded.get(1)).startsWith("caller=test-operator role=operations action=redrive request=")
                    .endsWith(" tenant=nifty reasons=[BOUNCED] requestedBy=test-operator");
            assertThat(String.join("\n", recorded)).doesNotContain("@");
        } finally {
            audit.detachAppender(lines);
        }
    }

    @Test
    void theTenantListShowsEachCallerItsOwnTenantsOnly() throws Exception {
        assertThat(tenantIds(Asker.TENANT)).containsExactly("nifty");
        assertThat(tenantIds(Asker.OTHER_TENANT)).containsExactly("biglobe");
        assertThat(tenantIds(Asker.OPERATIONS)).containsExactlyInAnyOrder("nifty", "biglobe");
        assertThat(send(first, get("/api/tenants"), Asker.NO_TOKEN).statusCode()).isEqualTo(401);
    }

    @Test
    void aTenantsCallerAskingForAnotherTenantsMailboxOnEitherInstanceGetsNothing() throws Exception {
        for (String id : niftyIds) {
            for (TrackerService instance : List.of(first, second)) {
                HttpResponse<String> response = send(instance, get("/api/mailboxes/" + id), Asker.OTHER_TENANT);
                assertThat(response.statusCode()).as(id).isEqualTo(404);
                assertThat(response.body()).isEqualTo("{\"error\":\"not found\"}");
                assertThat(send(instance, get("/api/mailboxes/" + id), Asker.TENANT).statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void healthAndMetricsStayOpenAndTheDashboardPageLoadsForAnyone() throws Exception {
        assertThat(send(first, get("/health"), Asker.NO_TOKEN).statusCode()).isEqualTo(200);
        assertThat(send(first, get("/metrics"), Asker.NO_TOKEN).statusCode()).isEqualTo(200);
        assertThat(send(first, get("/"), Asker.NO_TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void aForgedForwardingHeaderWithoutTheServiceTokenGivesNoRights() throws Exception {
        String id = niftyIdHeldBy(first);
        HttpResponse<String> response = HTTP.send(get("/api/mailboxes/" + id + "?scope=local").uri(uri(first,
                        "/api/mailboxes/" + id + "?scope=local"))
                .header("Authorization", "Bearer " + ApiTokensForTests.BIGLOBE)
                .header("X-ResetFlow-Caller", "mallory operations").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Nested
    class InputValidation {

        @Test
        void refusesMalformedIdsCursorsEscapesLimitsAndBodies() throws Exception {
            assertThat(operations("/api/mailboxes/not-an-id").statusCode()).isEqualTo(400);
            assertThat(operations("/api/mailboxes/" + "A".repeat(42) + "%3F").statusCode()).isEqualTo(400);
            assertThat(rawStatus("/api/tenants/nifty/stragglers?after=%zz")).isEqualTo(400);
            assertThat(operations("/api/tenants/nifty/stragglers?after=..%2F..%2Fhealth").statusCode()).isEqualTo(400);
            assertThat(operations("/api/tenants/nifty/stragglers?limit=0").statusCode()).isEqualTo(400);
            assertThat(operations("/api/tenants/nifty/stragglers?limit=1001").statusCode()).isEqualTo(400);
            assertThat(operations("/api/tenants/nifty/stragglers?limit=ten").statusCode()).isEqualTo(400);
            assertThat(operations("/api/tenants/NIFTY/progress/history").statusCode()).isEqualTo(400);
            assertThat(operations("/api/tenants/unknown/progress/history").statusCode()).isEqualTo(404);
            assertThat(send(first, post("/api/mailboxes/lookup", "{\"address\":\"" + "a".repeat(5000) + "\"}"),
                    Asker.OPERATIONS).statusCode()).isEqualTo(413);
            assertThat(send(first, post("/api/mailboxes/lookup", "not json"), Asker.OPERATIONS).statusCode())
                    .isEqualTo(400);
        }

        /** A request line the JDK client refuses to build, sent as bytes. */
        private int rawStatus(String pathAndQuery) throws Exception {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", first.httpPort())) {
                socket.getOutputStream().write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Authorization: Bearer " + ApiTokensForTests.OPERATIONS + "\r\nConnection: close\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                String status = new String(socket.getInputStream().readNBytes(12), java.nio.charset.StandardCharsets.US_ASCII);
                return Integer.parseInt(status.substring(9, 12));
            }
        }

        private HttpResponse<String> operations(String path) throws Exception {
            HttpResponse<String> response = send(first, get(path), Asker.OPERATIONS);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/json"));
            return response;
        }
    }

    @Nested
    class DashboardSession {

        @Test
        void signsInWithATokenAndNeedsTheCsrfTokenToChangeAnything() throws Exception {
            HttpResponse<String> signIn = HTTP.send(post("/api/session",
                    "{\"token\":\"" + ApiTokensForTests.OPERATIONS + "\"}").uri(uri(first, "/api/session")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.statusCode()).isEqualTo(200);
            String setCookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(setCookie).startsWith("rf_session=").contains("; HttpOnly").contains("; SameSite=Strict")
                    .doesNotContain("Secure");
            String cookie = setCookie.substring(0, setCookie.indexOf(';'));
            JsonNode session = JSON.readTree(signIn.body());
            assertThat(session.get("role").asText()).isEqualTo("operations");
            String csrf = session.get("csrfToken").asText();

            assertThat(withCookie(get("/api/tenants"), cookie).statusCode()).isEqualTo(200);
            String redrive = "{\"tenant\":\"nifty\",\"reasons\":[\"DELIVERY_FAILED\"]}";
            assertThat(withCookie(post("/api/redrives", redrive), cookie).statusCode()).isEqualTo(403);
            assertThat(withCookie(post("/api/redrives", redrive).header("X-CSRF-Token", "guess"), cookie).statusCode())
                    .isEqualTo(403);
            assertThat(withCookie(post("/api/redrives", redrive).header("X-CSRF-Token", csrf), cookie).statusCode())
                    .isEqualTo(202);

            assertThat(withCookie(HttpRequest.newBuilder().DELETE().header("X-CSRF-Token", csrf)
                    .uri(uri(first, "/api/session")), cookie).statusCode()).isEqualTo(204);
            assertThat(withCookie(get("/api/tenants"), cookie).statusCode()).isEqualTo(401);
        }

        @Test
        void refusesToSignInWithAWrongOrAServiceToken() throws Exception {
            for (String token : List.of("guess", ApiTokensForTests.SERVICE)) {
                HttpResponse<String> response = HTTP.send(post("/api/session", "{\"token\":\"" + token + "\"}")
                        .uri(uri(first, "/api/session")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(401);
                assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
            }
        }

        private HttpResponse<String> withCookie(HttpRequest.Builder request, String cookie) throws Exception {
            return HTTP.send(request.uri(uri(first, request.build().uri().getPath()
                            + Optional.ofNullable(request.build().uri().getRawQuery()).map(q -> "?" + q).orElse("")))
                    .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private List<String> tenantIds(Asker asker) throws Exception {
        HttpResponse<String> response = send(first, get("/api/tenants"), asker);
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        JSON.readTree(response.body()).forEach(tenant -> ids.add(tenant.get("tenant").asText()));
        return ids;
    }

    private static String niftyIdHeldBy(TrackerService instance) {
        return niftyIds.stream().filter(id -> first.streams().queryMetadataForKey(TrackerStores.MAILBOXES, id,
                new StringSerializer()).activeHost().port() == instance.httpPort()).findFirst().orElseThrow();
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://placeholder" + path)).GET();
    }

    private static HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://placeholder" + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
    }

    private static int status(TrackerService instance, HttpRequest.Builder request, String token) {
        try {
            return HTTP.send(request.uri(uri(instance, request.build().uri().getRawPath()))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static HttpResponse<String> send(TrackerService instance, HttpRequest.Builder request, Asker asker)
            throws Exception {
        URI placeholder = request.build().uri();
        request.uri(uri(instance, placeholder.getRawPath()
                + (placeholder.getRawQuery() == null ? "" : "?" + placeholder.getRawQuery())));
        if (asker.authorization != null) {
            request.header("Authorization", asker.authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(TrackerService instance, String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + instance.httpPort() + pathAndQuery);
    }
}
