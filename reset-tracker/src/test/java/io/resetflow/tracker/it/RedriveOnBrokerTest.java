package io.resetflow.tracker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.resetflow.avro.AccountLifecycle;
import io.resetflow.avro.CredentialStorage;
import io.resetflow.avro.DeliveryOutcome;
import io.resetflow.avro.DeliveryStatus;
import io.resetflow.avro.IntakeRecord;
import io.resetflow.avro.NotificationRequest;
import io.resetflow.avro.Priority;
import io.resetflow.avro.RecipientChannel;
import io.resetflow.core.identity.MailboxIds;
import io.resetflow.core.topic.TopicCreator;
import io.resetflow.embedded.EmbeddedKafkaBroker;
import io.resetflow.embedded.registry.EmbeddedSchemaRegistry;
import io.resetflow.serde.AvroDeserializer;
import io.resetflow.serde.AvroSerdeConfig;
import io.resetflow.serde.AvroSerdes;
import io.resetflow.tracker.TrackerService;
import io.resetflow.tracker.config.TrackerConfig;
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
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations API's re-drive on a real broker, with four tracker tasks: every failed mailbox of
 * the tenant, whichever task holds it, gets its notice again under a new id; the others none.
 */
class RedriveOnBrokerTest {

    private static final String SECRET = "tracker-it-secret-0123456789abcdefghij";
    private static final int MAILBOXES = 12;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static EmbeddedKafkaBroker broker;
    private static EmbeddedSchemaRegistry registry;
    private static TrackerService tracker;
    private static TrackerConfig config;
    private static AvroSerdes serdes;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedKafkaBroker.builder().build().start();
        registry = EmbeddedSchemaRegistry.builder(broker.bootstrapServers()).build().start();
        config = TrackerOnBroker.config(broker, registry, SECRET, 4, dir.resolve("tracker"));
        try (Admin admin = broker.createAdmin()) {
            var topics = new ArrayList<>(config.topicPlan().topics(config.tenants()));
            topics.add(config.topicPlan().deadLetterTopic(config.applicationId()));
            TopicCreator.createMissing(admin, topics);
        }
        tracker = new TrackerService(config).start();
        await().atMost(Duration.ofSeconds(90)).until(tracker::isRunning);
        serdes = AvroSerdes.forRegistry(registry.url());
    }

    @AfterAll
    static void stop() {
        TrackerOnBroker.closeAll(tracker, registry, broker);
    }

    @Test
    void redriveThroughTheApiMailsEveryFailedMailboxOfTheTenantAgainAndNoOther() throws Exception {
        // Given twelve nifty mailboxes, whose initial notices fail for the even ones
        MailboxIds ids = new MailboxIds(SECRET);
        List<String> failed = new ArrayList<>();
        try (KafkaProducer<String, IntakeRecord> intake = new KafkaProducer<>(producerProps(), new StringSerializer(),
                serdes.value(IntakeRecord.class).serializer())) {
            for (int i = 0; i < MAILBOXES; i++) {
                String address = "redrive" + i + "@nifty.com";
                intake.send(new ProducerRecord<>(config.topicNames().remediationIntake(), ids.of(address),
                        IntakeRecord.newBuilder().setMailboxId(ids.of(address)).setTenant("nifty").setAddress(address)
                                .setLifecycle(AccountLifecycle.ACTIVE).setCredentialStorage(CredentialStorage.HASHED)
                                .setPriority(Priority.HIGH).setAcceptedAt(Instant.now()).build()));
            }
        }
        List<NotificationRequest> first = requests(MAILBOXES);
        try (KafkaProducer<String, DeliveryOutcome> outcomes = new KafkaProducer<>(producerProps(),
                new StringSerializer(), serdes.value(DeliveryOutcome.class).serializer())) {
            for (NotificationRequest request : first) {
                boolean fails = Integer.parseInt(request.getMailboxAddress().replaceAll("\\D", "")) % 2 == 0;
                if (fails) {
                    failed.add(request.getMailboxId());
                }
                outcomes.send(new ProducerRecord<>(config.topicNames().notifyOutcomes(), request.getMailboxId(),
                        DeliveryOutcome.newBuilder().setNotificationId(request.getNotificationId())
                                .setMailboxId(request.getMailboxId()).setTenant("nifty").setKind(request.getKind())
                                .setStatus(fails ? DeliveryStatus.FAILED : DeliveryStatus.SENT)
                                .setChannel(RecipientChannel.MAILBOX).setHadContactAddress(false).setAttempt(8)
                                .setMessageId("<m>").setOccurredAt(Instant.now()).build()));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> undeliverable() == failed.size());

        // When operations re-drive nifty's failed deliveries through the API
        HttpResponse<String> response = HTTP.send(asOperations()
                .uri(URI.create("http://127.0.0.1:"
                        + tracker.httpPort() + "/api/redrives"))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"tenant\":\"nifty\",\"reasons\":[\"DELIVERY_FAILED\"],\"requestedBy\":\"ops-7\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        List<NotificationRequest> all = requests(MAILBOXES + failed.size());

        // Then each failed mailbox, on whichever of the four tasks, has exactly one notice again, under a new id
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(JSON.readTree(response.body()).path("reasons").get(0).asText()).isEqualTo("DELIVERY_FAILED");
        List<NotificationRequest> again = all.subList(MAILBOXES, all.size());
        assertThat(again).extracting(NotificationRequest::getMailboxId).containsExactlyInAnyOrderElementsOf(failed);
        assertThat(again).allSatisfy(r -> assertThat(r.getNotificationId()).endsWith(".initial-notice.0.r1"));
        assertThat(HTTP.send(asOperations()
                .uri(URI.create("http://127.0.0.1:" + tracker.httpPort()
                        + "/api/redrives")).POST(HttpRequest.BodyPublishers.ofString("{\"tenant\":\"nifty\","
                        + "\"reasons\":[\"NOT_A_REASON\"],\"requestedBy\":\"ops-7\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
    }

    private static long undeliverable() throws Exception {
        HttpResponse<String> response = HTTP.send(asOperations()
                .uri(URI.create("http://127.0.0.1:"
                + tracker.httpPort() + "/api/tenants")).build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode tenant : JSON.readTree(response.body())) {
            if (tenant.path("tenant").asText().equals("nifty")) {
                return tenant.path("countsByState").path("UNDELIVERABLE").asLong();
            }
        }
        return 0;
    }

    /** Waits until the request topic holds {@code count} requests (read committed), in offset order per partition. */
    private static List<NotificationRequest> requests(int count) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "redrive-test-" + System.nanoTime());
        AvroDeserializer<NotificationRequest> values = new AvroDeserializer<>();
        values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url(),
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        List<NotificationRequest> read = new ArrayList<>();
        try (KafkaConsumer<String, NotificationRequest> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                values)) {
            consumer.subscribe(List.of(config.topicNames().notifyRequests("nifty")));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> read.add(record.value()));
                return read.size() >= count;
            });
        }
        read.sort((a, b) -> Boolean.compare(a.getNotificationId().contains(".r"), b.getNotificationId().contains(".r")));
        return read;
    }

    private static Map<String, Object> producerProps() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    }

    private static HttpRequest.Builder asOperations() {
        return HttpRequest.newBuilder().header("Authorization", "Bearer " + ApiTokensForTests.OPERATIONS);
    }
}
