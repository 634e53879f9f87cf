package io.resetflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.resetflow.avro.DeliveryOutcome;
import io.resetflow.avro.DeliveryStatus;
import io.resetflow.avro.NoticeKind;
import io.resetflow.avro.NotificationRequest;
import io.resetflow.core.http.ApiTokens;
import io.resetflow.core.http.Caller;
import io.resetflow.embedded.EmbeddedKafkaBroker;
import io.resetflow.embedded.registry.EmbeddedSchemaRegistry;
import io.resetflow.local.CliProcess;
import io.resetflow.serde.AvroSerdes;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code resetflow run notifier} as a process, on a fatal error: another producer takes its
 * transactional id, so its loop dies at the next commit; it stops its sending threads and exits 1.
 * Restarted as a supervisor would, it finishes the work: one final outcome per request, every
 * recipient mailed, and no more mails sent twice than were in flight at the failure.
 */
class NotifierExitsOnFatalErrorTest {

    private static final String[] TENANTS = {"stnet", "kddi-web", "jcom", "ctc", "nifty", "biglobe"};
    private static final int BEFORE_FAILURE = 30;
    private static final int AFTER_FAILURE = 60;
    private static final double RATE = 20;
    /**
     * One mail on the wire per tenant connection, plus what can finish at RATE in the second around
     * the failing commit (as {@code NotifierCrashTest} bounds a kill).
     */
    private static final int IN_FLIGHT_BOUND = TENANTS.length + (int) Math.ceil(RATE * 1.0);
    private static final String TRANSACTIONAL_ID = "resetflow-notifier-0";

    @TempDir
    Path dir;

    @Test
    void aFencedNotifierExitsOneAndItsRestartSendsAtMostTheMailsInFlightAgain() throws Exception {
        int smtpPort = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().build().start();
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.builder(broker.bootstrapServers()).build().start()) {
            Path config = writeConfig(broker.bootstrapServers(), registry.url(), smtpPort);
            assertThat(ResetFlowCli.commandLine().execute("topics", "create", "--config", config.toString())).isZero();
            AvroSerdes serdes = AvroSerdes.forRegistry(registry.url());

            // Given a notifier process that mailed a first batch
            Process first = notifier(config, "first");
            produce(broker, serdes, 0, BEFORE_FAILURE);
            await().atMost(Duration.ofSeconds(90)).until(() -> smtp.getReceivedMessages().length >= BEFORE_FAILURE);

            // When another producer takes its transactional id while more requests arrive
            try (KafkaProducer<byte[], byte[]> fencer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG, TRANSACTIONAL_ID),
                    new ByteArraySerializer(), new ByteArraySerializer())) {
                fencer.initTransactions();
            }
            produce(broker, serdes, BEFORE_FAILURE, AFTER_FAILURE);

            // Then the process exits 1 on its own, having sent at most the mails in flight of the new batch
            assertThat(first.waitFor(90, TimeUnit.SECONDS)).as("the fenced notifier exits").isTrue();
            assertThat(first.exitValue()).isEqualTo(1);
            assertThat(Files.readString(dir.resolve("first.log")))
                    .contains("resetflow run notifier: stopped on a fatal error (see the log); exiting");
            int mailedByFirst = smtp.getReceivedMessages().length;
            assertThat(mailedByFirst - BEFORE_FAILURE).isBetween(0, IN_FLIGHT_BOUND);

            // And restarted, it ends every request once, within the duplicate bound
            Process second = notifier(config, "second");
            try {
                Map<String, Long> finals = finalOutcomes(broker, serdes, BEFORE_FAILURE + AFTER_FAILURE);
                assertThat(finals).hasSize(BEFORE_FAILURE + AFTER_FAILURE);
                assertThat(finals.values()).containsOnly(1L);
                Map<String, Long> perRecipient = List.of(smtp.getReceivedMessages()).stream()
                        .collect(Collectors.groupingBy(NotifierExitsOnFatalErrorTest::recipient, Collectors.counting()));
                assertThat(perRecipient).hasSize(BEFORE_FAILURE + AFTER_FAILURE);
                assertThat(perRecipient.values()).allMatch(count -> count <= 2);
                long twice = perRecipient.values().stream().filter(count -> count == 2).count();
                assertThat(twice).isLessThanOrEqualTo(mailedByFirst - BEFORE_FAILURE);
                System.out.printf("notifier fenced: %d requests, %d final outcomes, %d mailed by the first process "
                        + "(%d after the failure), %d mailed twice (bound %d), 0 lost%n",
                        BEFORE_FAILURE + AFTER_FAILURE, finals.size(), mailedByFirst, mailedByFirst - BEFORE_FAILURE,
                        twice, IN_FLIGHT_BOUND);
                assertThat(second.isAlive()).isTrue();
            } finally {
                second.destroy();
                second.waitFor(60, TimeUnit.SECONDS);
            }
        } finally {
            smtp.stop();
        }
    }

    private Process notifier(Path config, String name) throws IOException {
        return CliProcess.start(dir, name, "512m", "run", "notifier", "--config", config.toString());
    }

    private static void produce(EmbeddedKafkaBroker broker, AvroSerdes serdes, int from, int count) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", broker.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = from; i < from + count; i++) {
                NotificationRequest request = request(TENANTS[i % TENANTS.length], i);
                String topic = "notify.requests." + request.getTenant();
                producer.send(new ProducerRecord<>(topic, request.getMailboxId(),
                        serdes.value(NotificationRequest.class).serializer().serialize(topic, request)));
            }
        }
    }

    private static NotificationRequest request(String tenant, int i) {
        String mailboxId = "mbx-fatal-" + i;
        return NotificationRequest.newBuilder()
                .setNotificationId(mailboxId + ":initial_notice:0")
                .setMailboxId(mailboxId)
                .setTenant(tenant)
                .setBrand(null)
                .setKind(NoticeKind.INITIAL_NOTICE)
                .setSequence(0)
                .setMailboxAddress("user" + i + "@fatal.example")
                .setContactAddress(null)
                .setDeadline(Instant.parse("2025-07-01T14:59:00Z"))
                .setRequestedAt(Instant.parse("2025-06-17T01:00:00Z"))
                .build();
    }

    /** Final outcomes (not DEFERRED) per notification, read committed, once every request has one. */
    private static Map<String, Long> finalOutcomes(EmbeddedKafkaBroker broker, AvroSerdes serdes, int expected) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("bootstrap.servers", broker.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "fatal-exit-reader");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Long> finals = new HashMap<>();
        try (KafkaConsumer<String, DeliveryOutcome> outcomes = new KafkaConsumer<>(properties, new StringDeserializer(),
                serdes.value(DeliveryOutcome.class).deserializer())) {
            outcomes.subscribe(List.of("notify.outcomes"));
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                outcomes.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.value().getStatus() != DeliveryStatus.DEFERRED) {
                        finals.merge(record.value().getNotificationId(), 1L, Long::sum);
                    }
                });
                return finals.size() >= expected;
            });
            // A second final outcome for any of them would be committed by now: read what is there.
            outcomes.poll(Duration.ofSeconds(2)).forEach(record -> {
                if (record.value().getStatus() != DeliveryStatus.DEFERRED) {
                    finals.merge(record.value().getNotificationId(), 1L, Long::sum);
                }
            });
        }
        return finals;
    }

    private Path writeConfig(String bootstrap, String registryUrl, int smtpPort) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("kafka.bootstrap.servers", bootstrap);
        properties.setProperty("schema.registry.url", registryUrl);
        properties.setProperty("topics.partitions", "2");
        properties.setProperty("notifier.transactional.id", TRANSACTIONAL_ID);
        properties.setProperty("notifier.ledger.dir", dir.resolve("ledger").toString());
        properties.setProperty("notifier.rate.global.per.second", Double.toString(RATE));
        properties.setProperty("smtp.host", "127.0.0.1");
        properties.setProperty("smtp.port", Integer.toString(smtpPort));
        properties.setProperty("smtp.connections", "1");
        properties.setProperty("http.port", "0");
        properties.setProperty("notifier.verify.recipients", "false");
        properties.setProperty("http.tokens", ApiTokens.line(Caller.operations("ops"),
                "fatal-exit-notifier-token-0123456789abcdef"));
        // The bundled six ISPs without quiet hours, so the test runs at any time of day.
        Path tenants = dir.resolve("tenants.yaml");
        try (var bundled = NotifierExitsOnFatalErrorTest.class.getResourceAsStream("/tenants.yaml")) {
            Files.writeString(tenants, "defaults:\n  policy:\n    quietHours: \"00:00-00:00\"\n"
                    + new String(bundled.readAllBytes(), StandardCharsets.UTF_8));
        }
        properties.setProperty("tenants.file", tenants.toString());
        Path file = dir.resolve("notifier.properties");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, null);
        }
        return file;
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
