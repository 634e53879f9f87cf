package io.resetflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.resetflow.avro.RedriveRequest;
import io.resetflow.avro.StateReason;
import io.resetflow.embedded.EmbeddedKafkaBroker;
import io.resetflow.embedded.registry.EmbeddedSchemaRegistry;
import io.resetflow.local.LocalCli;
import io.resetflow.local.TopicContents;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ResetFlowCliTest {

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.builder().build().start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cli = LocalCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsTheCommands() {
        Run run = run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("local", "topics", "generate", "import", "bench");
    }

    @Test
    void topicsCreateCreatesSharedAndPerTenantTopicsOnce() throws Exception {
        Run first = run("topics", "create", "--bootstrap-server", broker.bootstrapServers());
        Run second = run("topics", "create", "--bootstrap-server", broker.bootstrapServers());

        assertThat(first.exitCode()).isZero();
        assertThat(second.exitCode()).isZero();
        try (Admin admin = broker.createAdmin()) {
            Set<String> names = admin.listTopics().names().get();
            assertThat(names).contains("breach.affected-accounts", "remediation.intake", "notify.requests.nifty",
                    "isp.biglobe.affected-accounts", "isp.stnet.password-resets", "isp.nifty.force-resets",
                    "isp.kddi-web.remediation-status", "isp.jcom.command-answers");
        }
    }

    @Test
    void redrivePublishesOneCopyOfTheRequestOnEveryPartitionForTheTrackerTasks() throws Exception {
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.builder(broker.bootstrapServers()).build().start()) {
            assertThat(run("topics", "create", "--bootstrap-server", broker.bootstrapServers()).exitCode()).isZero();

            Run run = run("redrive", "--tenant", "nifty", "--reason", "DELIVERY_FAILED", "--by", "ops-7",
                    "--bootstrap-server", broker.bootstrapServers(), "--schema-registry", registry.url());
            List<Object> copies = TopicContents.readAll(broker.adminClientProperties(),
                    registry.url(), List.of("remediation.redrives"));

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(copies).hasSize(6).allSatisfy(copy -> {
                RedriveRequest request = (RedriveRequest) copy;
                assertThat(request.getTenant()).isEqualTo("nifty");
                assertThat(request.getReasons()).containsExactly(StateReason.DELIVERY_FAILED);
                assertThat(request.getRequestedBy()).isEqualTo("ops-7");
            });
            assertThat(copies).extracting(c -> ((RedriveRequest) c).getRequestId()).containsOnly(
                    ((RedriveRequest) copies.get(0)).getRequestId());
            assertThat(run("redrive", "--tenant", "nosuch", "--by", "ops-7", "--bootstrap-server",
                    broker.bootstrapServers(), "--schema-registry", registry.url()).exitCode()).isNotZero();
        }
    }

    @Test
    void aUserMistakeIsOneLineAndANonZeroExit() {
        Run run = run("topics", "create", "--bootstrap-server", broker.bootstrapServers(),
                "--config", "no-such-file.properties");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err().strip()).contains("no-such-file.properties");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @Test
    void anUnknownOptionIsRejectedWithUsage() {
        Run run = run("local", "--no-such-option");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("Unknown option");
    }
}
