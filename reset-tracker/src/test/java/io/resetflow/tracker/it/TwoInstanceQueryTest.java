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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two tracker instances on a real broker answer queries for each other's mailboxes. */
class TwoInstanceQueryTest {

    private static final String SECRET = "tracker-it-secret-0123456789abcdefghij";
    private static final int MAILBOXES = 40;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static EmbeddedKafkaBroker broker;
    private static EmbeddedSchemaRegistry registry;
    private static TrackerService first;
    private static TrackerService second;
    private static final List<String> ids = new ArrayList<>();

    @BeforeAll
    static void startTwoInstancesAndLoadMailboxes() throws Exception {
        broker = EmbeddedKafkaBroker.builder().build().start();
        registry = EmbeddedSchemaRegistry.builder(broker.bootstrapServers()).build().start();
        TrackerConfig firstConfig = config("a");
        try (Admin admin = broker.createAdmin()) {
            var topics = new ArrayList<>(firstConfig.topicPlan().topics(firstConfig.tenants()));
            topics.add(firstConfig.topicPlan().deadLetterTopic(firstConfig.applicationId()));
            TopicCreator.createMissing(admin, topics);
        }
        first = new TrackerService(firstConfig).start();
        second = new TrackerService(config("b")).start();
        await().atMost(Duration.ofSeconds(90)).until(() -> first.isRunning() && second.isRunning());

        AvroSerdes serdes = AvroSerdes.forRegistry(registry.url());
        Map<String, Object> producerProps = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        MailboxIds mailboxIds = new MailboxIds(SECRET);
        try (KafkaProducer<String, IntakeRecord> producer = new KafkaProducer<>(producerProps, new StringSerializer(),
                serdes.value(IntakeRecord.class).serializer())) {
            for (int i = 0; i < MAILBOXES; i++) {
                String address = "user" + i + "@nifty.com";
                String id = mailboxIds.of(address);
                ids.add(id);
                producer.send(new ProducerRecord<>(firstConfig.topicNames().remediationIntake(), id,
                        IntakeRecord.newBuilder().setMailboxId(id).setTenant("nifty").setAddress(address)
                                .setLifecycle(AccountLifecycle.ACTIVE).setCredentialStorage(CredentialStorage.HASHED)
                                .setPriority(Priority.HIGH).setAcceptedAt(Instant.now()).build()));
            }
        }
    }

    private static TrackerConfig config(String instance) {
        return TrackerOnBroker.config(broker, registry, SECRET, 4, dir.resolve(instance));
    }

    @AfterAll
    static void stop() {
        TrackerOnBroker.closeAll(second, first, registry, broker);
    }

    @Test
    void eachInstanceAnswersForEveryMailboxIncludingTheOtherInstancesOnes() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String id : ids) {
                for (TrackerService instance : List.of(first, second)) {
                    HttpResponse<String> response = get(instance, "/api/mailboxes/" + id);
                    assertThat(response.statusCode()).isEqualTo(200);
                    assertThat(JSON.readTree(response.body()).get("mailboxId").asText()).isEqualTo(id);
                }
            }
        });

        Set<Integer> owners = ids.stream().map(id -> first.streams().queryMetadataForKey(TrackerStores.MAILBOXES, id,
                new StringSerializer())).map(KeyQueryMetadata::activeHost).map(h -> h.port()).collect(Collectors.toSet());
        assertThat(owners).containsExactlyInAnyOrder(first.httpPort(), second.httpPort());
    }

    @Test
    void addressLookupFindsTheMailboxOnWhicheverInstanceHoldsIt() throws Exception {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (TrackerService instance : List.of(first, second)) {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(instance, "/api/mailboxes/lookup"))
                        .header("Authorization", "Bearer " + ApiTokensForTests.OPERATIONS)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"address\":\"User7@NIFTY.com\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(JSON.readTree(response.body()).get("mailboxId").asText()).isEqualTo(ids.get(7));
                assertThat(response.body()).doesNotContain("user7@nifty.com");
            }
        });
    }

    @Test
    void tenantProgressStragglersAndReportCoverBothInstances() throws Exception {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode tenants = JSON.readTree(get(second, "/api/tenants").body());
            JsonNode nifty = null;
            for (JsonNode tenant : tenants) {
                if (tenant.get("tenant").asText().equals("nifty")) {
                    nifty = tenant;
                }
            }
            assertThat(nifty).isNotNull();
            assertThat(nifty.get("total").asLong()).isEqualTo(MAILBOXES);
        });

        List<String> paged = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = readJson(get(first, "/api/tenants/nifty/stragglers?state=AFFECTED&limit=15"
                    + (after == null ? "" : "&after=" + after)));
            page.get("mailboxIds").forEach(id -> paged.add(id.asText()));
            after = page.get("next").isNull() ? null : page.get("next").asText();
        } while (after != null);
        HttpResponse<String> csv = get(second, "/api/report?tenant=nifty&format=csv");

        assertThat(paged).hasSize(MAILBOXES).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("state,AFFECTED,,40").contains("lifecycle,ACTIVE,total,40")
                .contains("notices,INITIAL_NOTICE,,40");
        assertThat(get(first, "/health").statusCode()).isEqualTo(200);
        assertThat(get(first, "/metrics").body()).contains("resetflow_tracker_mailboxes{state=\"AFFECTED\",tenant=\"nifty\"} 40.0");
        assertThat(first.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
    }

    private static JsonNode readJson(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> get(TrackerService instance, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(instance, path))
                .header("Authorization", "Bearer " + ApiTokensForTests.OPERATIONS).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(TrackerService instance, String path) {
        return URI.create("http://localhost:" + instance.httpPort() + path);
    }
}
