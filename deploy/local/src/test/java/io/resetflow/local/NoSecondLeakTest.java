package io.resetflow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.resetflow.breachfile.ImportCommand;
import io.resetflow.core.access.Principals;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * A whole local campaign fed a hostile breach file — password, hash and secret columns under several
 * names (Japanese ones too), password-like tokens in malformed lines, a phishing brand — after which
 * every topic's raw bytes, every log line, every metric and the rejects file are searched: no token
 * from the input anywhere, and addresses only in the records that must carry them.
 */
class NoSecondLeakTest {

    private static final int MAILBOXES = 60;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Topics whose records carry an address by design: the mailbox's identity, or its notice. */
    private static final List<String> MAY_CARRY_ADDRESSES = List.of("breach.affected-accounts",
            "breach.affected-accounts.rejected", "remediation.intake", ".affected-accounts", "notify.requests.",
            ".force-resets", "resetflow-intake-", "reset-tracker-tracker-mailboxes");

    /** Free text in the brand column: kept on the raw import topic only, never passed on by intake. */
    private static final String PHISHING_BRAND = "BrandLeak <a href=http://evil.example>verify</a>";

    @TempDir
    Path dataDir;

    @Test
    void noPasswordHashOrSecretFromTheBreachFileReachesAnyTopicLogOrMetric() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
        List<String> tokens = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        Path breach = hostileBreachFile(tokens, addresses);
        try (LocalStack stack = new LocalStack(new LocalStackSettings(dataDir, LocalStackSettings.Ports.anyFree(), 0, 1,
                6)).start()) {
            int code = new CommandLine(new ImportCommand()).execute("--file", breach.toString(), "--bootstrap-server",
                    stack.broker().bootstrapServers(), "--command-config",
                    stack.credentialsFile(Principals.IMPORT).toString(), "--schema-registry", stack.registry().url(),
                    "--rejects", dataDir.resolve("rejects.csv").toString());
            assertThat(code).isZero();

            // The campaign runs to its end: every accepted mailbox remediated
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                List<JsonNode> tenants = tenants(stack);
                assertThat(tenants.stream().mapToLong(t -> t.get("total").asLong()).sum()).isEqualTo(MAILBOXES);
                assertThat(tenants).allSatisfy(t -> assertThat(t.get("remediated").asLong())
                        .isEqualTo(t.get("total").asLong()));
            });
            // The path: every accepted mailbox (all active, none with a contact) got exactly one initial notice
            List<String> requestTopics = stack.config().tenants().ids().stream()
                    .map(stack.config().topicNames()::notifyRequests).toList();
            assertThat(TopicContents.readAll(stack.adminClientProperties(), stack.registry().url(), requestTopics)
                    .stream().map(r -> (io.resetflow.avro.NotificationRequest) r)
                    .filter(r -> r.getKind() == io.resetflow.avro.NoticeKind.INITIAL_NOTICE)
                    .count()).isEqualTo(MAILBOXES);

            Map<String, byte[]> topics = everyTopicsBytes(stack);
            List<String> metrics = new ArrayList<>();
            for (String url : stack.metricsUrls()) {
                metrics.add(HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
            }
            root.detachAppender(logs);
            List<String> lines = logs.list.stream().filter(e -> !e.getLoggerName().startsWith("com.icegreen"))
                    .map(e -> e.getLoggerName() + " " + e.getFormattedMessage()).toList();

            // (what is searched holds what it should: the services' own log lines and meters)
            assertThat(lines).anyMatch(line -> line.contains("Reset tracker settings"))
                    .anyMatch(line -> line.contains("Notifier configuration"));
            assertThat(metrics).hasSize(3).allMatch(scrape -> scrape.contains("resetflow_"));

            // Then no token of the input is anywhere
            assertThat(topics).isNotEmpty().containsKeys("remediation.intake", "notify.outcomes");
            for (String token : tokens) {
                topics.forEach((topic, bytes) -> assertThat(contains(bytes, token)).as(token + " in " + topic).isFalse());
                assertThat(lines).as("logs").noneSatisfy(line -> assertThat(line).contains(token));
                assertThat(metrics).as("metrics").noneSatisfy(scrape -> assertThat(scrape).contains(token));
            }
            Set<String> withTheBrand = new TreeSet<>();
            topics.forEach((topic, bytes) -> {
                if (contains(bytes, "BrandLeak")) {
                    withTheBrand.add(topic);
                }
            });
            assertThat(withTheBrand).containsExactly("breach.affected-accounts");
            assertThat(Files.readString(dataDir.resolve("rejects.csv"))).doesNotContain(tokens.toArray(String[]::new))
                    .contains("malformed CSV (unbalanced quotes)", "line longer than 4096 characters");
            // ... and addresses only in the records that must carry them
            Set<String> carrying = new TreeSet<>();
            for (String address : addresses) {
                topics.forEach((topic, bytes) -> {
                    if (contains(bytes, address)) {
                        carrying.add(topic);
                        assertThat(MAY_CARRY_ADDRESSES.stream().anyMatch(topic::contains))
                                .as("an address in " + topic).isTrue();
                    }
                });
                assertThat(lines).as("logs").noneSatisfy(line -> assertThat(line).contains(address));
                assertThat(metrics).as("metrics").noneSatisfy(scrape -> assertThat(scrape).contains(address));
            }
            assertThat(carrying).contains("remediation.intake", "breach.affected-accounts")
                    .anyMatch(topic -> topic.startsWith("notify.requests."))
                    .doesNotContain("notify.outcomes", "notify.sent-ledger", "remediation.progress");
        } finally {
            root.detachAppender(logs);
        }
    }

    /** 60 good rows with secrets under seven column names, and malformed lines full of password-like tokens. */
    private Path hostileBreachFile(List<String> tokens, List<String> addresses) throws Exception {
        StringBuilder csv = new StringBuilder("email,tenant,brand,status,storage,password,パスワード,pwd_hash,"
                + "secret_token,ハッシュ,暗証番号,salt,contact\n");
        String[][] tenants = {{"nifty", "nifty.com"}, {"biglobe", "biglobe.ne.jp"}, {"jcom", "jcom.home.ne.jp"}};
        for (int i = 0; i < MAILBOXES; i++) {
            String[] tenant = tenants[i % tenants.length];
            String address = "leak-probe-" + i + "@" + tenant[1];
            addresses.add(address);
            List<String> secrets = new ArrayList<>();
            for (int s = 0; s < 7; s++) {
                String token = "Pw" + s + "Leak" + (1000 + i) + "Zq";
                secrets.add(token);
                tokens.add(token);
            }
            String brand = i == 0 ? PHISHING_BRAND : "";
            csv.append(address).append(',').append(tenant[0]).append(',').append(brand).append(",active,hashed,")
                    .append(String.join(",", secrets)).append(",\n");
        }
        String[] malformed = {"\"leak-bad-1@nifty.com,nifty,,active,hashed,PwBadLeak1Zq",
                "leak-bad-2@nifty.com,nifty,PwBadLeak2Zq", "{\"password\": \"PwBadLeak3Zq\"}",
                "leak-bad-4@nifty.com," + "PwBadLeak4Zq".repeat(500)};
        for (String line : malformed) {
            csv.append(line).append('\n');
        }
        tokens.addAll(List.of("PwBadLeak1Zq", "PwBadLeak2Zq", "PwBadLeak3Zq", "PwBadLeak4Zq"));
        return Files.writeString(dataDir.resolve("hostile.csv"), csv.toString(), StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> everyTopicsBytes(LocalStack stack) throws Exception {
        Map<String, byte[]> all = new HashMap<>();
        Set<String> names;
        try (Admin admin = stack.broker().createAdmin()) {
            names = admin.listTopics().names().get();
        }
        Map<String, Object> props = new HashMap<>(stack.adminClientProperties());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            for (String topic : names) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        if (record.key() != null) {
                            bytes.write(record.key());
                        }
                        if (record.value() != null) {
                            bytes.write(record.value());
                        }
                        record.headers().forEach(header -> bytes.writeBytes(header.value() == null ? new byte[0]
                                : header.value()));
                        bytes.write('\n');
                    }
                }
                all.put(topic, bytes.toByteArray());
            }
        }
        return all;
    }

    private static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1)
                .contains(new String(needle.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    }

    private static List<JsonNode> tenants(LocalStack stack) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.dashboardUrl()
                + "api/tenants")).header("Authorization", "Bearer " + stack.operationsToken()).build(),
                HttpResponse.BodyHandlers.ofString());
        List<JsonNode> list = new ArrayList<>();
        JSON.readTree(response.body()).forEach(list::add);
        return list;
    }
}
