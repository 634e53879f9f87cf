package io.resetflow.bench.tracker;

import io.resetflow.bench.MemoryWatch;
import io.resetflow.core.config.CommonConfig;
import io.resetflow.core.http.ApiTokens;
import io.resetflow.core.http.Caller;
import io.resetflow.core.identity.MailboxIds;
import io.resetflow.core.topic.TopicCreator;
import io.resetflow.core.topic.TopicNames;
import io.resetflow.embedded.EmbeddedKafkaBroker;
import io.resetflow.embedded.registry.EmbeddedSchemaRegistry;
import io.resetflow.serde.AvroSerdes;
import io.resetflow.tracker.TrackerService;
import io.resetflow.tracker.config.TrackerConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import io.resetflow.core.access.ServiceIds;
import io.resetflow.tracker.reconcile.ReconcileResult;
import io.resetflow.tracker.reconcile.ReconcileSettings;
import io.resetflow.tracker.reconcile.ReconcileTable;
import io.resetflow.tracker.reconcile.Reconciler;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * {@code resetflow bench tracker}: on one embedded broker, loads N intake records and runs the reset
 * tracker until every mailbox is tracked, replays the ISPs' reset events for a share of them, then
 * restarts the tracker with its campaign clock three days on, so that every still-open mailbox's first
 * reminder is due at once, and times their emission, while a paced query load measures the API.
 */
@Command(name = "tracker", mixinStandardHelpOptions = true,
        description = "Benchmarks the reset tracker (intake, resets, a reminder day, query latency) on an embedded broker.")
public final class BenchTrackerCommand implements Callable<Integer> {

    /** The query load\'s operations token, made afresh for each run. */
    private static final String BENCH_TOKEN = ApiTokens.newToken();

    private static final String SECRET = "bench-tracker-mailbox-id-secret-0123456789";

    @Option(names = "--mailboxes", defaultValue = "1000000", description = "Mailboxes (default ${DEFAULT-VALUE}).")
    long mailboxes;

    @Option(names = "--partitions", defaultValue = "6", description = "Partitions per topic (default ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--stream-threads", defaultValue = "2", description = "Tracker stream threads (default ${DEFAULT-VALUE}).")
    int streamThreads;

    @Option(names = "--reset-share", defaultValue = "0.4", description = "Share of mailboxes whose ISP reports a reset (default ${DEFAULT-VALUE}).")
    double resetShare;

    @Option(names = "--lookups-per-second", defaultValue = "100", description = "Paced mailbox lookups (default ${DEFAULT-VALUE}).")
    int lookupsPerSecond;

    @Option(names = "--progress-per-second", defaultValue = "5", description = "Paced progress queries (default ${DEFAULT-VALUE}).")
    int progressPerSecond;

    @Option(names = "--stall-seconds", defaultValue = "180", description = "Give up a phase whose output stops growing this long (default ${DEFAULT-VALUE}).")
    int stallSeconds;

    @Option(names = "--timers-per-tick", description = "Override of tracker.timers.max.per.tick (default: the tracker's).")
    Integer timersPerTick;

    @Option(names = "--tracker-setting", paramLabel = "KEY=VALUE",
            description = "Extra tracker setting, e.g. kafka.commit.interval.ms=1000 (repeatable).")
    Map<String, String> trackerSettings = new HashMap<>();

    @Option(names = "--dir", description = "Working directory (default: a new temporary one); kept afterwards.")
    Path dir;

    @Option(names = "--reconcile-only", description = "Only reconcile again the campaign a run left in --dir: "
            + "its broker is started on the same data (a comparable reference for the reconciliation alone).")
    boolean reconcileOnly;

    @Override
    public Integer call() throws Exception {
        if (mailboxes < 1 || partitions < 1 || streamThreads < 1 || resetShare < 0 || resetShare > 1) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--mailboxes, --partitions and --stream-threads must be positive, --reset-share within 0..1");
        }
        PrintWriter out = new PrintWriter(System.out, true);
        if (reconcileOnly) {
            if (dir == null || !Files.isDirectory(dir.resolve("kafka"))) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--reconcile-only needs the --dir of an earlier run");
            }
            return reconcileAgain(out);
        }
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("resetflow-bench-tracker");
        out.println("Working directory (kept; --dir it with --reconcile-only to reconcile again): " + work);
        Path stateDir = work.resolve("tracker-state");
        BenchReport report = new BenchReport(mailboxes, partitions, streamThreads);
        try (MemoryWatch memory = MemoryWatch.start();
             EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(work.resolve("kafka")).build().start();
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.builder(broker.bootstrapServers()).build().start()) {
            Path tenantsFile = BenchTenants.write(work, mailboxes);
            Instant intakeDay = CampaignDays.intakeDay(Instant.now());
            Instant reminderDay = intakeDay.plus(Duration.ofDays(3)).plus(Duration.ofHours(2));
            TrackerConfig intakeConfig = config(broker, registry, tenantsFile, stateDir, intakeDay);
            TopicNames names = intakeConfig.topicNames();
            createTopics(broker, intakeConfig);
            SyntheticMailboxes generator = new SyntheticMailboxes(intakeConfig.tenants(), new MailboxIds(SECRET),
                    resetShare);
            InputProducer producer = new InputProducer(broker.bootstrapServers(),
                    AvroSerdes.forRegistry(registry.url()), names, generator);

            report.load("load start");
            InputProducer.Intake intake = producer.intake(mailboxes, intakeDay);
            report.intakeProduced(intake);

            List<String> statusTopics = intakeConfig.tenants().ids().stream().map(names::tenantRemediationStatus).toList();
            List<String> requestTopics = intakeConfig.tenants().ids().stream().map(names::notifyRequests).toList();
            try (OutputCounter counter = new OutputCounter(broker.bootstrapServers(),
                    concat(statusTopics, requestTopics))) {
                LongSupplier statuses = counter.count(statusTopics);
                LongSupplier notices = counter.count(requestTopics);
                long initialNotices = intake.records() - intake.former();

                report.load("tracking start");
                long trackStart = System.nanoTime();
                try (TrackerService tracker = new TrackerService(intakeConfig).start()) {
                    double running = awaitRunning(tracker, trackStart);
                    boolean tracked = Progress.await(statuses, intake.records(), stall())
                            && Progress.await(notices, initialNotices, stall());
                    report.tracked(seconds(trackStart), running, tracked, statuses.getAsLong(), notices.getAsLong());
                    report.stateAfterIntake(MemoryWatch.diskKiB(stateDir));

                    report.load("resets start");
                    try (QueryLoad load = queryLoad(tracker, generator)) {
                        long resetStart = System.nanoTime();
                        InputProducer.Resets resets = producer.resets(mailboxes, intakeDay.plus(Duration.ofHours(1)));
                        boolean applied = Progress.await(statuses, intake.records() + resets.events(), stall());
                        report.resets(resets, seconds(resetStart), applied, statuses.getAsLong() - intake.records());
                        report.resetLatencies(load.lookups(), load.progress());
                    }
                }

                report.load("reminder day start");
                long reminderStart = System.nanoTime();
                TrackerConfig reminderConfig = config(broker, registry, tenantsFile, stateDir, reminderDay);
                try (TrackerService tracker = new TrackerService(reminderConfig).start()) {
                    double running = awaitRunning(tracker, reminderStart);
                    try (QueryLoad load = queryLoad(tracker, generator)) {
                        boolean emitted = Progress.await(notices, initialNotices + intake.awaitingReminder(), stall());
                        report.reminders(intake.awaitingReminder(), seconds(reminderStart), running, emitted,
                                notices.getAsLong() - initialNotices);
                        report.reminderLatencies(load.lookups(), load.progress());
                    }
                    report.stateAtEnd(MemoryWatch.diskKiB(stateDir));
                }
            }
            report.load("reconcile start");
            System.gc();
            MemoryWatch reconcileMemory = MemoryWatch.start();
            long reconcileStart = System.nanoTime();
            ReconcileResult reconciled = reconcile(broker, registry, intakeConfig, work);
            report.reconciled(seconds(reconcileStart), reconciled, reconcileMemory.peakHeapMiB());
            reconcileMemory.close();
            report.memory(memory.peakHeapMiB(), MemoryWatch.peakRssMiB());
            report.load("end");
            report.print(out, intakeDay, reminderDay);
            out.println();
            ReconcileTable.print(reconciled, out);
            return report.complete() ? 0 : 1;
        }
    }

    /** Reconciles the campaign a run left in --dir, on its broker's data, and prints the table. */
    private int reconcileAgain(PrintWriter out) throws IOException {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(dir.resolve("kafka")).build().start();
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.builder(broker.bootstrapServers()).build()
                     .start()) {
            TrackerConfig config = config(broker, registry, dir.resolve("bench-tenants.yaml"),
                    dir.resolve("tracker-state"), Instant.now());
            System.gc();
            try (MemoryWatch memory = MemoryWatch.start()) {
                long start = System.nanoTime();
                ReconcileResult reconciled = reconcile(broker, registry, config, dir);
                out.printf("reconcile again: %.1f s, %,d records, peak heap %,d MiB (broker and registry included)%n",
                        seconds(start), reconciled.recordsRead(), memory.peakHeapMiB());
                ReconcileTable.print(reconciled, out);
                return reconciled.mismatchCount() == 0 ? 0 : 1;
            }
        }
    }

    private static ReconcileResult reconcile(EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registry,
                                             TrackerConfig config, Path work) {
        return new Reconciler(new ReconcileSettings(config.topicNames(), config.tenants(), SECRET,
                Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), registry.url(),
                ServiceIds.DEFAULT.withTrackerApplication(config.applicationId()),
                work.resolve("reconcile"), Duration.ofSeconds(30), Duration.ofHours(24), 20, false)).run();
    }

    private TrackerConfig config(EmbeddedKafkaBroker broker, EmbeddedSchemaRegistry registry, Path tenantsFile,
                                 Path stateDir, Instant campaignNow) {
        Map<String, Object> values = new HashMap<>();
        values.put(CommonConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
        values.put(CommonConfig.SCHEMA_REGISTRY_URL, registry.url());
        values.put(CommonConfig.TENANTS_FILE, tenantsFile.toString());
        values.put(CommonConfig.MAILBOX_ID_SECRET, SECRET);
        values.put(CommonConfig.TOPIC_PARTITIONS, partitions);
        values.put(CommonConfig.STATE_DIR, stateDir.toString());
        values.put(CommonConfig.HTTP_PORT, 0);
        values.put(CommonConfig.HTTP_TOKENS, ApiTokens.line(Caller.operations("bench"), BENCH_TOKEN));
        values.put(TrackerConfig.NUM_STREAM_THREADS, streamThreads);
        values.put(TrackerConfig.BREACH_CUTOFF, "2025-05-30T00:00:00Z");
        values.put(TrackerConfig.CLOCK_SPEED, CampaignDays.SPEED);
        if (timersPerTick != null) {
            values.put(TrackerConfig.TIMERS_PER_TICK, timersPerTick);
        }
        values.putAll(trackerSettings);
        values.put(TrackerConfig.CAMPAIGN_START, CampaignDays.startFor(campaignNow, Instant.now()).toString());
        return new TrackerConfig(values);
    }

    private static void createTopics(EmbeddedKafkaBroker broker, TrackerConfig config) {
        List<NewTopic> topics = new ArrayList<>(config.topicPlan().topics(config.tenants()));
        topics.add(config.topicPlan().deadLetterTopic(config.applicationId()));
        try (Admin admin = broker.createAdmin()) {
            TopicCreator.createMissing(admin, topics);
        }
    }

    private QueryLoad queryLoad(TrackerService tracker, SyntheticMailboxes generator) {
        return new QueryLoad("http://localhost:" + tracker.httpPort(), BENCH_TOKEN, mailboxes,
                i -> generator.mailboxId(generator.at(i)), 3, lookupsPerSecond, progressPerSecond);
    }

    private double awaitRunning(TrackerService tracker, long startNanos) {
        if (!Progress.await(() -> tracker.isRunning() ? 1 : 0, 1, stall())) {
            throw new IllegalStateException("the tracker did not reach RUNNING");
        }
        return seconds(startNanos);
    }

    private Duration stall() {
        return Duration.ofSeconds(stallSeconds);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "n/a";
        }
    }
}
