package io.resetflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.resetflow.core.http.ApiTokens;
import io.resetflow.core.http.Caller;
import io.resetflow.embedded.EmbeddedKafkaBroker;
import io.resetflow.embedded.registry.EmbeddedSchemaRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code resetflow run} on a fatal error: when a service's Kafka Streams client stops on its own (here
 * its input topic is deleted under it), the command exits 1 for its supervisor to restart it, instead
 * of waiting for a SIGTERM that would never come; until then {@code /health/live} answers 200. And
 * none starts on a cluster where its topics were not created: the command names what is missing.
 */
class ServiceExitsOnFatalErrorTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TOKEN = "fatal-exit-operations-token-0123456789abcdef";

    @TempDir
    static Path dir;

    private static EmbeddedKafkaBroker broker;
    private static EmbeddedSchemaRegistry registry;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedKafkaBroker.builder().build().start();
        registry = EmbeddedSchemaRegistry.builder(broker.bootstrapServers()).build().start();
    }

    @AfterAll
    static void stop() {
        registry.close();
        broker.close();
    }

    @ParameterizedTest(name = "{0} exits 1 when {1} is deleted")
    @CsvSource({"intake, breach.affected-accounts", "tracker, remediation.intake"})
    void theServiceExitsNonZeroWhenItsStreamsClientStopsOnItsOwn(String service, String input) throws Exception {
        int port = freePort();
        Path config = settings(service, port);
        assertThat(run("topics", "create", "--config", config.toString())).isZero();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> exit = thread.submit(() -> run("run", service, "--config", config.toString()));
            await().atMost(Duration.ofSeconds(90)).until(() -> status(port, "/health/ready") == 200);
            assertThat(status(port, "/health/live")).isEqualTo(200);
            assertThat(exit.isDone()).isFalse();

            try (Admin admin = broker.createAdmin()) {
                admin.deleteTopics(List.of(input)).all().get();
            }

            assertThat(exit.get(120, TimeUnit.SECONDS)).as("exit code of run " + service).isEqualTo(1);
        } finally {
            thread.shutdownNow();
        }
    }

    @ParameterizedTest(name = "{0} refuses to start without its topics")
    @ValueSource(strings = {"intake", "tracker", "notifier"})
    void theServiceRefusesToStartWithoutItsTopicsAndSaysWhichAreMissing(String service) throws Exception {
        Path config = settings(service, freePort());
        Files.writeString(config, "topics.prefix=unprovisioned-" + service + ".\n", StandardOpenOption.APPEND);
        StringWriter err = new StringWriter();

        int exit = ResetFlowCli.commandLine().setErr(new PrintWriter(err)).execute("run", service, "--config",
                config.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("resetflow run: error: ").contains(" topic(s) not as planned: missing ",
                "unprovisioned-" + service + ".", "Create them with 'resetflow topics create --config FILE'");
    }

    private static Path settings(String service, int port) throws Exception {
        Properties settings = new Properties();
        settings.setProperty("kafka.bootstrap.servers", broker.bootstrapServers());
        settings.setProperty("schema.registry.url", registry.url());
        settings.setProperty("mailbox.id.secret", "fatal-exit-test-secret-0123456789abcdefghij");
        settings.setProperty("topics.partitions", "2");
        settings.setProperty("state.dir", dir.resolve(service + "-state").toString());
        settings.setProperty("http.port", String.valueOf(port));
        settings.setProperty("http.tokens", ApiTokens.line(Caller.operations("ops"), TOKEN));
        settings.setProperty("http.open.endpoints", "/health,/metrics");
        settings.setProperty("campaign.start", "2025-06-01T00:00:00Z");
        settings.setProperty("tracker.breach.cutoff", "2025-05-30T00:00:00Z");
        Path file = dir.resolve(service + ".properties");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            settings.store(writer, null);
        }
        return file;
    }

    private static int run(String... args) {
        return ResetFlowCli.commandLine().execute(args);
    }

    private static int status(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
