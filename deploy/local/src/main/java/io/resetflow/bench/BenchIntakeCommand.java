package io.resetflow.bench;

import io.micrometer.core.instrument.Counter;
import io.resetflow.intake.MeteredDuplicateCounter;
import io.resetflow.synthetic.ExpectedCounts;
import io.resetflow.synthetic.GenerateCommand;
import io.resetflow.breachfile.ImportCommand;
import io.resetflow.core.config.CommonConfig;
import io.resetflow.embedded.EmbeddedKafkaBroker;
import io.resetflow.embedded.registry.EmbeddedSchemaRegistry;
import io.resetflow.intake.IntakeConfig;
import io.resetflow.intake.IntakeService;
import io.resetflow.intake.TopicsCreateCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code resetflow bench intake}: on one embedded broker, generates N mailboxes, imports them,
 * runs intake until every accepted mailbox is on remediation.intake, and puts the figures next to
 * the raw producer / consumer rates and a minimal exactly_once_v2 Streams app for the same records,
 * once writing each record once and once writing it to the same outputs as intake (a tenant topic and
 * one more).
 */
@Command(name = "intake", mixinStandardHelpOptions = true,
        description = "Benchmarks import and intake on an embedded broker against raw Kafka rates.")
public final class BenchIntakeCommand implements Callable<Integer> {

    static final long WARM_UP_MAILBOXES = 300_000;
    static final String WARM_UP_PREFIX = "warm-up.";
    static final String WARM_UP_APPLICATION_ID = "bench-intake-warm-up";
    static final double SHARE_OF_REFERENCE_TARGET = 0.60;

    @Option(names = "--mailboxes", defaultValue = "1000000", description = "Mailboxes (default ${DEFAULT-VALUE}).")
    long mailboxes;

    @Option(names = "--partitions", defaultValue = "6", description = "Partitions per topic (default ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--overlap", description = "Start intake before the import, as in production, and time both together.")
    boolean overlap;

    @Option(names = "--dir", description = "Working directory (default: a new temporary one).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = new PrintWriter(System.out, true);
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("resetflow-bench");
        MemoryWatch memory = MemoryWatch.start();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(work.resolve("kafka")).build().start();
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.builder(broker.bootstrapServers()).build().start()) {
            String bootstrap = broker.bootstrapServers();
            Path file = work.resolve("breach.csv.gz");
            long t0 = System.nanoTime();
            ExpectedCounts expected = generate(file, mailboxes, 1);
            double generateSeconds = seconds(t0);
            createTopics(work, bootstrap, "", IntakeConfig.DEFAULT_APPLICATION_ID);

            WarmUp warmUp = warmUpJvm(work, bootstrap, registry.url());
            double warmUpSeconds = warmUp.seconds();

            IntakeConfig intakeConfig = intakeConfig(bootstrap, registry.url(), work.resolve("state"), "",
                    IntakeConfig.DEFAULT_APPLICATION_ID);
            double importSeconds;
            double intakeSeconds;
            double endToEnd;
            long duplicates;
            if (overlap) {
                long start = System.nanoTime();
                try (IntakeService intake = new IntakeService(intakeConfig).start()) {
                    importSeconds = importFile(file, bootstrap, registry.url(), "bench", "");
                    awaitAccepted(bootstrap, intakeConfig, expected);
                    intakeSeconds = seconds(start);
                    duplicates = duplicatesCounted(intake);
                }
                endToEnd = intakeSeconds;
            } else {
                importSeconds = importFile(file, bootstrap, registry.url(), "bench", "");
                long intakeStart = System.nanoTime();
                try (IntakeService intake = new IntakeService(intakeConfig).start()) {
                    awaitAccepted(bootstrap, intakeConfig, expected);
                    intakeSeconds = seconds(intakeStart);
                    duplicates = duplicatesCounted(intake);
                }
                endToEnd = importSeconds + intakeSeconds;
            }
            List<String> mismatches = IntakeOutputCheck.mismatches(bootstrap, intakeConfig, expected, warmUp.expected(),
                    duplicates);

            RawKafka raw = new RawKafka(bootstrap, partitions);
            RawKafka.Rate produce = raw.produce("bench.raw", expected.rowsSent());
            RawKafka.Rate consume = raw.consume("bench.raw", expected.rowsSent());
            double oneWriteSeconds = ReferenceStreamsApp.run(bootstrap, partitions, "bench.raw", expected.rowsSent(),
                    work.resolve("reference-state"), ReferenceStreamsApp.Shape.ONE_WRITE);
            double intakeOutputsSeconds = ReferenceStreamsApp.run(bootstrap, partitions, "bench.raw",
                    expected.rowsSent(), work.resolve("reference-state"), ReferenceStreamsApp.Shape.INTAKE_OUTPUTS);

            out.printf("%nResetFlow intake benchmark: %,d mailboxes, %,d rows, %d partitions, 1 embedded broker%n",
                    mailboxes, expected.rowsSent(), partitions);
            out.printf("  generate            %8.1f s%n", generateSeconds);
            out.printf("  JVM warm-up         %8.1f s  (untimed: %,d mailboxes imported and through an intake of "
                    + "their own first)%n", warmUpSeconds, WARM_UP_MAILBOXES);
            out.printf("  import              %8.1f s  %,10.0f rows/s%n", importSeconds, expected.rowsSent() / importSeconds);
            out.printf(overlap ? "  intake (EOS v2)     %8.1f s  %,10.0f records/s  (overlapping the import, from its start)%n"
                    : "  intake (EOS v2)     %8.1f s  %,10.0f records/s%n", intakeSeconds, expected.rowsSent() / intakeSeconds);
            out.printf("  end to end          %8.1f s%n", endToEnd);
            out.printf("  raw producer        %8.1f s  %,10.0f records/s  (%,.1f MB/s)%n", produce.seconds(),
                    produce.perSecond(), produce.megabytesPerSecond());
            out.printf("  raw consumer        %8.1f s  %,10.0f records/s  (%,.1f MB/s)%n", consume.seconds(),
                    consume.perSecond(), consume.megabytesPerSecond());
            out.printf("  reference EOS app   %8.1f s  %,10.0f records/s  (1 RocksDB put, 1 write to 6 topics)"
                    + "  intake at %.0f%%%n", oneWriteSeconds, expected.rowsSent() / oneWriteSeconds,
                    100 * oneWriteSeconds / intakeSeconds);
            out.printf("  reference EOS app   %8.1f s  %,10.0f records/s  (1 RocksDB put, 2 writes: 6 topics + 1, "
                    + "as intake)  intake at %.0f%%%n", intakeOutputsSeconds, expected.rowsSent() / intakeOutputsSeconds,
                    100 * intakeOutputsSeconds / intakeSeconds);
            out.printf("  the raw clients and the reference apps read and write random %d-byte values, without Avro "
                    + "or a schema registry%n", RawKafka.RECORD_BYTES);
            out.printf("  peak heap %,d MiB, peak RSS %,d MiB (whole JVM: broker, registry, clients)%n",
                    memory.peakHeapMiB(), MemoryWatch.peakRssMiB());
            double share = intakeOutputsSeconds / intakeSeconds;
            out.printf("  target: intake >= %.0f%% of the reference with the same outputs: %.0f%%  %s%n",
                    SHARE_OF_REFERENCE_TARGET * 100, share * 100, share >= SHARE_OF_REFERENCE_TARGET ? "met" : "NOT MET");
            if (!mismatches.isEmpty()) {
                mismatches.forEach(mismatch -> out.println("  CHECK FAILED: " + mismatch));
                return 1;
            }
            out.printf("  check: every output topic holds exactly the generator's counts (%,d accepted, %,d rejected, "
                    + "%,d duplicates, %d tenants)%n", expected.accepted(), expected.rejected(), expected.duplicates(),
                    expected.acceptedPerTenant().size());
            return 0;
        } finally {
            memory.close();
        }
    }

    /**
     * Imports a small breach file into topics of their own and runs an intake of its own over it,
     * untimed, before the measured runs. The bench shares one JVM with the broker: measured cold, the
     * intake run (the first Streams app) was timed while the compiler threads took half as much CPU as
     * its stream threads, and the reference apps after it ran on the code intake had compiled.
     */
    /** What the warm-up wrote: its shared topics are its own, the tenants' topics are the run's too. */
    private record WarmUp(double seconds, ExpectedCounts expected) {
    }

    private WarmUp warmUpJvm(Path work, String bootstrap, String registryUrl) throws Exception {
        long start = System.nanoTime();
        Path file = work.resolve("warm-up.csv.gz");
        ExpectedCounts expected = generate(file, WARM_UP_MAILBOXES, 2);
        createTopics(work, bootstrap, WARM_UP_PREFIX, WARM_UP_APPLICATION_ID);
        IntakeConfig config = intakeConfig(bootstrap, registryUrl, work.resolve("warm-up-state"), WARM_UP_PREFIX,
                WARM_UP_APPLICATION_ID);
        try (IntakeService intake = new IntakeService(config).start()) {
            importFile(file, bootstrap, registryUrl, "warm-up", WARM_UP_PREFIX);
            awaitAccepted(bootstrap, config, expected);
        }
        return new WarmUp(seconds(start), expected);
    }

    private static ExpectedCounts generate(Path file, long mailboxes, int seed) throws IOException {
        check(new GenerateCommand(), "--mailboxes", Long.toString(mailboxes), "--seed", Integer.toString(seed),
                "--out", file.toString());
        return ExpectedCounts.read(ExpectedCounts.sidecarOf(file));
    }

    /** The shared and per-tenant topics, the shared ones under the given prefix, and the intake's dead letters. */
    private void createTopics(Path work, String bootstrap, String topicPrefix, String intakeApplication)
            throws IOException {
        Path topicsConfig = work.resolve("topics" + topicPrefix + "properties");
        Files.writeString(topicsConfig, CommonConfig.TOPIC_PREFIX + "=" + topicPrefix + "\n");
        check(new TopicsCreateCommand(), "--bootstrap-server", bootstrap, "--partitions", Integer.toString(partitions),
                "--config", topicsConfig.toString(), "--dead-letter-for", intakeApplication);
    }

    private IntakeConfig intakeConfig(String bootstrap, String registryUrl, Path stateDir, String topicPrefix,
                                      String applicationId) {
        return new IntakeConfig(Map.of(
                CommonConfig.BOOTSTRAP_SERVERS, bootstrap, CommonConfig.SCHEMA_REGISTRY_URL, registryUrl,
                CommonConfig.STATE_DIR, stateDir.toString(), CommonConfig.TOPIC_PARTITIONS, partitions,
                CommonConfig.TOPIC_PREFIX, topicPrefix, IntakeConfig.APPLICATION_ID, applicationId,
                CommonConfig.MAILBOX_ID_SECRET, "bench-intake-mailbox-id-secret-0123456789"));
    }

    private static double importFile(Path file, String bootstrap, String registryUrl, String importId,
                                     String topicPrefix) {
        long start = System.nanoTime();
        check(new ImportCommand(), "--file", file.toString(), "--bootstrap-server", bootstrap,
                "--schema-registry", registryUrl, "--import-id", importId, "--topic-prefix", topicPrefix);
        return seconds(start);
    }

    private static void awaitAccepted(String bootstrap, IntakeConfig config, ExpectedCounts expected) {
        RawKafka.awaitCommittedRecords(bootstrap, List.of(config.topicNames().remediationIntake()), expected.accepted(),
                RawKafka.COMPLETION_TIMEOUT);
    }

    private static long duplicatesCounted(IntakeService intake) {
        return (long) intake.registry().find(MeteredDuplicateCounter.METER).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private static void check(Object command, String... args) {
        int code = new CommandLine(command).execute(args);
        if (code != 0) {
            throw new IllegalStateException(command.getClass().getSimpleName() + " exited with " + code);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchIntakeCommand()).execute(args));
    }
}
