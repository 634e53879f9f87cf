package io.resetflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production artifact as built (the shaded jar the image carries the same classes as): the
 * services and tools are in it, the test machinery is not, and its command line offers exactly the
 * production commands.
 */
class RunJarContentsIT {

    /** Where the embedded broker, the SMTP server, the benchmarks and the generator would show. */
    private static final List<String> TEST_MACHINERY = List.of(
            "io/resetflow/embedded/",
            "io/resetflow/local/",
            "io/resetflow/bench/",
            "io/resetflow/synthetic/",
            "io/resetflow/breachfile/BreachFileGenerator",
            "io/resetflow/breachfile/GenerateCommand",
            "io/resetflow/registry/InMemorySchemaRegistryClient",
            "com/icegreen/greenmail/",
            "kafka/server/",
            "kafka/Kafka.class",
            "org/apache/kafka/controller/",
            "org/apache/kafka/raft/",
            "scala/");

    private static Path jar;
    private static List<String> entries;

    @BeforeAll
    static void readJar() throws IOException {
        jar = Path.of(System.getProperty("resetflow.run.jar"));
        try (JarFile file = new JarFile(jar.toFile())) {
            entries = file.stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void holdsTheThreeServicesAndTheirCommandLine() {
        assertThat(entries).contains(
                "io/resetflow/cli/ResetFlowCli.class",
                "io/resetflow/intake/IntakeService.class",
                "io/resetflow/tracker/TrackerService.class",
                "io/resetflow/notifier/NotifierService.class",
                "io/resetflow/tracker/reconcile/ReconcileCommand.class",
                "org/apache/kafka/streams/KafkaStreams.class",
                "logback.xml");
    }

    @Test
    void holdsNoBrokerSmtpServerBenchmarkOrGenerator() {
        List<String> found = entries.stream()
                .filter(entry -> TEST_MACHINERY.stream().anyMatch(entry::startsWith))
                .toList();

        assertThat(found).isEmpty();
    }

    @Test
    void commandLineOffersExactlyTheProductionCommands() throws Exception {
        Result help = runJar("--help");

        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(commandsListedIn(help.output())).containsExactly(
                "run", "topics", "tenants", "isp", "api", "import", "redrive", "reconcile", "report", "manifests",
                "help");
    }

    @Test
    void refusesTheLocalStackAndTheBenchmarks() throws Exception {
        for (String command : List.of("local", "bench", "generate")) {
            Result run = runJar(command);

            assertThat(run.exitCode()).as(command).isEqualTo(2);
            assertThat(run.output()).contains("Unmatched argument at index 0: '" + command + "'");
        }
    }

    private static List<String> commandsListedIn(String usage) {
        List<String> commands = new ArrayList<>();
        boolean inCommands = false;
        for (String line : usage.split("\\R")) {
            if (line.startsWith("Commands:")) {
                inCommands = true;
            } else if (inCommands && line.startsWith("  ") && !line.startsWith("   ")) {
                commands.add(line.trim().split("\\s+")[0]);
            }
        }
        return commands;
    }

    private record Result(int exitCode, String output) {
    }

    private static Result runJar(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar", jar.toString()));
        command.addAll(Arrays.asList(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
