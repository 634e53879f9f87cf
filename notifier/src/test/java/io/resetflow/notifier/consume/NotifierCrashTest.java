package io.resetflow.notifier.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.resetflow.avro.DeliveryOutcome;
import io.resetflow.avro.DeliveryStatus;
import io.resetflow.avro.NotificationRequest;
import io.resetflow.embedded.EmbeddedKafkaBroker;
import io.resetflow.embedded.registry.EmbeddedSchemaRegistry;
import io.resetflow.notifier.NotifierMain;
import io.resetflow.notifier.Requests;
import io.resetflow.serde.AvroSerdes;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a notifier process (SIGKILL) in the middle of a batch and restarts it: every request ends with
 * exactly one final outcome, every recipient has its mail, and the mails sent twice are at most those
 * in flight at the kill (mails on the wire + one commit interval's worth).
 */
class NotifierCrashTest {

    private static final int MAILS = 600;
    private static final double RATE = 100;
    /**
     * 6 tenants x 1 connection on the wire, plus what can finish at RATE between two commits: one
     * 100 ms commit interval, a poll turn and the commit itself, allowed a second together, since the
     * kill comes three seconds after a cold start, when a transaction commit still takes a few hundred
     * milliseconds. A notifier that re-sent everything not yet confirmed by the ISP (about 300 mails at
     * the kill) would still fail this.
     */
    private static final int IN_FLIGHT_BOUND = 6 + (int) Math.ceil(RATE * 1.0);

    @TempDir
    Path dir;

    @Test
    void aKilledNotifierResendsAtMostTheMailsInFlightAndLosesNone() throws Exception {
        int smtpPort;
        try (ServerSocket free = new ServerSocket(0)) {
            smtpPort = free.getLocalPort();
        }
        GreenMail greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().build().start();
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.builder(broker.bootstrapServers()).build().start()) {
            String[] tenants = {"stnet", "kddi-web", "jcom", "ctc", "nifty", "biglobe"};
            for (String tenant : tenants) {
                broker.createTopic("notify.requests." + tenant, 2);
            }
            broker.createTopic("notify.outcomes", 2);
            AvroSerdes serdes = AvroSerdes.forRegistry(registry.url());
            Path config = writeConfig(broker.bootstrapServers(), registry.url(), smtpPort);
            PlannedTopics.createFor(broker, Map.of("kafka.bootstrap.servers", broker.bootstrapServers(),
                    "topics.partitions", 2));

            // Given a batch of requests and a notifier process working through it
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                    Map.of("bootstrap.servers", broker.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
                for (int i = 0; i < MAILS; i++) {
                    NotificationRequest request = Requests.initial(tenants[i % 6], "mbx-" + i, "user" + i + "@crash.example");
                    String topic = "notify.requests." + request.getTenant();
                    producer.send(new ProducerRecord<>(topic, request.getMailboxId(),
                            serdes.value(NotificationRequest.class).serializer().serialize(topic, request)));
                }
            }
            Process first = notifierProcess(config, "first");
            await().atMost(Duration.ofSeconds(90)).until(() -> greenMail.getReceivedMessages().length >= MAILS / 2);

            // When it is killed mid-batch and a new one takes over
            first.destroyForcibly().waitFor();
            int beforeKill = greenMail.getReceivedMessages().length;
            assertThat(beforeKill).isLessThan(MAILS);
            Process second = notifierProcess(config, "second");
            try {
                Map<String, Long> finals = new HashMap<>();
                try (KafkaConsumer<String, DeliveryOutcome> outcomes = outcomeReader(broker, serdes)) {
                    await().atMost(Duration.ofSeconds(120)).until(() -> {
                        outcomes.poll(Duration.ofMillis(200)).forEach(r -> {
                            if (r.value().getStatus() != DeliveryStatus.DEFERRED) {
                                finals.merge(r.value().getNotificationId(), 1L, Long::sum);
                            }
                        });
                        return finals.size() == MAILS;
                    });
                }

                // Then every request has exactly one final outcome and every recipient its mail
                assertThat(finals.values()).allMatch(count -> count == 1);
                Map<String, Long> perRecipient = List.of(greenMail.getReceivedMessages()).stream()
                        .collect(Collectors.groupingBy(NotifierCrashTest::recipient, Collectors.counting()));
                assertThat(perRecipient).hasSize(MAILS);
                long duplicates = perRecipient.values().stream().filter(count -> count > 1).count();
                assertThat(perRecipient.values()).allMatch(count -> count <= 2);
                assertThat(duplicates).isLessThanOrEqualTo(IN_FLIGHT_BOUND);
                System.out.printf("notifier killed: %d requests, %d final outcomes, %d mailed before the kill, %d mailed "
                        + "twice (bound %d), 0 lost%n", MAILS, finals.size(), beforeKill, duplicates, IN_FLIGHT_BOUND);
            } finally {
                second.destroy();
                second.waitFor();
            }
        } finally {
            greenMail.stop();
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path writeConfig(String bootstrap, String registryUrl, int smtpPort) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("kafka.bootstrap.servers", bootstrap);
        properties.setProperty("schema.registry.url", registryUrl);
        properties.setProperty("topics.partitions", "2");
        properties.setProperty("notifier.ledger.dir", dir.resolve("ledger").toString());
        properties.setProperty("notifier.rate.global.per.second", Double.toString(RATE));
        properties.setProperty("smtp.host", "127.0.0.1");
        properties.setProperty("smtp.port", Integer.toString(smtpPort));
        properties.setProperty("smtp.connections", "1");
        properties.setProperty("http.port", "0");
        properties.setProperty("notifier.verify.recipients", "false");
        properties.setProperty("http.tokens", io.resetflow.core.http.ApiTokens.line(
                io.resetflow.core.http.Caller.operations("test-operator"), NotifierHarness.OPERATIONS_TOKEN));
        // The bundled six ISPs without quiet hours, so the test runs at any time of day.
        Path tenants = dir.resolve("tenants.yaml");
        try (var bundled = NotifierCrashTest.class.getResourceAsStream("/tenants.yaml")) {
            Files.writeString(tenants, "defaults:\n  policy:\n    quietHours: \"00:00-00:00\"\n"
                    + new String(bundled.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        properties.setProperty("tenants.file", tenants.toString());
        Path file = dir.resolve("notifier.properties");
        try (Writer writer = Files.newBufferedWriter(file)) {
            properties.store(writer, "crash test");
        }
        return file;
    }

    private Process notifierProcess(Path config, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                NotifierMain.class.getName(), config.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile())
                .start();
    }

    private static KafkaConsumer<String, DeliveryOutcome> outcomeReader(EmbeddedKafkaBroker broker, AvroSerdes serdes) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("bootstrap.servers", broker.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "crash-reader");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, DeliveryOutcome> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                serdes.value(DeliveryOutcome.class).deserializer());
        consumer.subscribe(List.of("notify.outcomes"));
        return consumer;
    }
}
