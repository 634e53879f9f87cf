package io.resetflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.resetflow.embedded.EmbeddedKafkaBroker;
import io.resetflow.embedded.registry.EmbeddedSchemaRegistry;
import io.resetflow.local.TopicContents;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The commands that talk to Kafka take one --config and honour its kafka.* settings: on a SASL/SCRAM
 * broker, topics create, import, redrive and tenants audit reach the cluster with nothing but that
 * file.
 */
class CommandsOnSecuredBrokerTest {

    @TempDir
    static Path dir;

    private static EmbeddedKafkaBroker broker;
    private static EmbeddedSchemaRegistry registry;
    private static Path config;

    @BeforeAll
    static void startSecuredBrokerAndWriteTheSettings() throws Exception {
        broker = EmbeddedKafkaBroker.builder().saslScram().build().start();
        registry = EmbeddedSchemaRegistry.builder(broker.bootstrapServers())
                .clientProperties(broker.adminClientProperties()).build().start();
        Properties settings = new Properties();
        broker.adminClientProperties().forEach((key, value) -> settings.setProperty("kafka." + key, String.valueOf(value)));
        settings.setProperty("schema.registry.url", registry.url());
        settings.setProperty("topics.partitions", "2");
        config = dir.resolve("prod.properties");
        try (Writer writer = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            settings.store(writer, null);
        }
    }

    @AfterAll
    static void stop() {
        registry.close();
        broker.close();
    }

    @Test
    void topicsCreateImportRedriveAndAuditUseTheConfigsKafkaSettings() throws Exception {
        assertThat(run("topics", "create", "--config", config.toString())).isZero();
        try (Admin admin = broker.createAdmin()) {
            assertThat(admin.describeTopics(List.of("breach.affected-accounts")).allTopicNames().get()
                    .get("breach.affected-accounts").partitions()).hasSize(2);
        }

        Path file = Files.writeString(dir.resolve("breach.csv"), "address,tenant\ntaro@nifty.com,nifty\n"
                + "hanako@biglobe.ne.jp,biglobe\n", StandardCharsets.UTF_8);
        assertThat(run("import", "--config", config.toString(), "--file", file.toString())).isZero();
        assertThat(TopicContents.readAll(broker.adminClientProperties(), registry.url(),
                List.of("breach.affected-accounts"))).hasSize(2);

        // A re-drive reaches the secured cluster and the registry of the file: one copy per partition (2)
        assertThat(run("redrive", "--config", config.toString(), "--tenant", "nifty", "--by", "ops-7")).isZero();
        assertThat(TopicContents.readAll(broker.adminClientProperties(), registry.url(),
                List.of("remediation.redrives"))).hasSize(2);

        // No users or ACLs were provisioned: the audit reaches the cluster and reports them missing (1, not 2)
        StringWriter out = new StringWriter();
        int audit = ResetFlowCli.commandLine().setOut(new PrintWriter(out)).execute("tenants", "audit", "--config",
                config.toString());
        assertThat(audit).as(out.toString()).isEqualTo(1);
        assertThat(out.toString()).contains("MISSING_USER User:isp-stnet");
    }

    private static int run(String... args) {
        CommandLine cli = ResetFlowCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        assertThat(err.toString()).as(String.join(" ", args)).isEmpty();
        return code;
    }
}
