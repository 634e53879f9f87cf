package io.resetflow.tracker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tracker instance that has lost its local state rebuilds its mailbox store from the changelog;
 * while it does, a mailbox lookup answers 503 with Retry-After at once, and 200 once restored.
 */
class RestoringStoreQueryTest {

    private static final String SECRET = "tracker-restore-secret-0123456789abcdef";
    private static final int MAILBOXES = 20;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static EmbeddedKafkaBroker broker;
    private static EmbeddedSchemaRegistry registry;
    private static String mailboxId;

    @BeforeAll
    static void trackMailboxesThenStopTheInstance() throws Exception {
        broker = EmbeddedKafkaBroker.builder().build().start();
        registry = EmbeddedSchemaRegistry.builder(broker.bootstrapServers()).build().start();
        TrackerConfig config = config("first");
        try (Admin admin = broker.createAdmin()) {
            var topics = new ArrayList<>(config.topicPlan().topics(config.tenants()));
            topics.add(config.topicPlan().deadLetterTopic(config.applicationId()));
            TopicCreator.createMissing(admin, topics);
        }
        MailboxIds ids = new MailboxIds(SECRET);
        try (TrackerService first = new TrackerService(config).start();
             KafkaProducer<String, IntakeRecord> producer = new KafkaProducer<>(
                     Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                     new StringSerializer(), AvroSerdes.forRegistry(registry.url()).value(IntakeRecord.class)
                             .serializer())) {
            for (int i = 0; i < MAILBOXES; i++) {
                String address = "restore" + i + "@nifty.com";
                String id = ids.of(address);
                producer.send(new ProducerRecord<>(config.topicNames().remediationIntake(), id,
                        IntakeRecord.newBuilder().setMailboxId(id).setTenant("nifty").setAddress(address)
                                .setLifecycle(AccountLifecycle.ACTIVE).setCredentialStorage(CredentialStorage.HASHED)
                                .setPriority(Priority.HIGH).setAcceptedAt(Instant.now()).build()));
            }
            producer.flush();
            mailboxId = ids.of("restore" + (MAILBOXES - 1) + "@nifty.com");
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                    .until(() -> get(first, "/api/mailboxes/" + mailboxId).statusCode() == 200);
        }
    }

    private static TrackerConfig config(String stateDir) {
        return TrackerOnBroker.config(broker, registry, SECRET, 1, dir.resolve(stateDir));
    }

    @AfterAll
    static void stop() {
        TrackerOnBroker.closeAll(registry, broker);
    }

    @Test
    void lookupAnswers503WithRetryAfterWhileTheMailboxStoreRestoresThenTheMailbox() throws Exception {
        // Given an instance with an empty state directory, whose mailbox store is held mid-restore
        HeldRestore held = new HeldRestore(TrackerStores.MAILBOXES);
        try (TrackerService restarted = new TrackerService(config("empty"))) {
            restarted.streams().setGlobalStateRestoreListener(held);
            restarted.start();
            assertThat(held.started.await(90, TimeUnit.SECONDS)).as("restore of the mailbox store began").isTrue();

            // When a mailbox is looked up
            HttpResponse<String> whileRestoring = get(restarted, "/api/mailboxes/" + mailboxId);

            // Then the instance asks the client to come back, without waiting for the restore itself
            assertThat(whileRestoring.statusCode()).as(whileRestoring.body()).isEqualTo(503);
            assertThat(whileRestoring.headers().firstValue("Retry-After")).contains("2");
            assertThat(whileRestoring.body()).contains("not queryable yet");

            // And once the restore completes, the same lookup finds the mailbox
            held.release.countDown();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> get(restarted, "/api/mailboxes/" + mailboxId).statusCode() == 200);
        } finally {
            held.release.countDown();
        }
    }

    /** Holds the restoration of one store at its start until released. */
    private static final class HeldRestore implements StateRestoreListener {

        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final String store;

        HeldRestore(String store) {
            this.store = store;
        }

        @Override
        public void onRestoreStart(TopicPartition partition, String storeName, long startingOffset, long endingOffset) {
            if (storeName.equals(store)) {
                started.countDown();
                try {
                    release.await(120, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void onBatchRestored(TopicPartition partition, String storeName, long batchEndOffset, long numRestored) {
        }

        @Override
        public void onRestoreEnd(TopicPartition partition, String storeName, long totalRestored) {
        }
    }


    private static HttpResponse<String> get(TrackerService instance, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + instance.httpPort() + path))
                .header("Authorization", "Bearer " + ApiTokensForTests.OPERATIONS).GET()
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
