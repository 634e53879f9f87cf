package io.resetflow.bench.notifier;

import io.resetflow.bench.MemoryWatch;
import io.resetflow.core.tenant.Tenants;
import io.resetflow.core.tenant.TenantsLoader;
import io.resetflow.embedded.EmbeddedKafkaBroker;
import io.resetflow.embedded.registry.EmbeddedSchemaRegistry;
import io.resetflow.notifier.mail.MailStreamProvider;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code resetflow bench notifier}: against one local SMTP sink, the notifier end to end
 * (the tenants' {@code notify.requests.<tenant>} on an embedded broker to notify.outcomes) with and
 * without DKIM, next to a bare jakarta.mail loop and Postfix's smtp-source, at the same connection counts.
 */
@Command(name = "notifier", mixinStandardHelpOptions = true,
        description = "Benchmarks the notifier end to end against a bare jakarta.mail loop and smtp-source.")
public final class BenchNotifierCommand implements Callable<Integer> {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final double GLOBAL_RATE_PER_SECOND = 100_000;
    /**
     * Notices built and signed before the first notifier row, so that no row pays for compiling the
     * signing path (the first DKIM row otherwise ran a fifth slower than the same row run later).
     */
    static final int SIGNING_WARM_UP_NOTICES = 5_000;
    /** Signatures timed for the signing-only ceiling (after as many untimed), on one thread's CPU clock. */
    static final int SIGNING_CEILING_SIGNATURES = 2_000;
    /** Mails of the untimed notifier run before the rows ({@link NotifierRun#warmUpJvm}). */
    static final int JVM_WARM_UP_MAILS = 100_000;

    @Option(names = "--mails", defaultValue = "20000", description = "Mails per row (default ${DEFAULT-VALUE}).")
    int mails;

    @Option(names = "--connections", split = ",", defaultValue = "1,8,32",
            description = "SMTP connection counts (default ${DEFAULT-VALUE}).")
    List<Integer> connections;

    @Option(names = "--partitions", defaultValue = "6", description = "Partitions of each notify.requests.<tenant> (default ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--window", defaultValue = "1000",
            description = "Requests produced but not yet answered by an outcome, at most (default ${DEFAULT-VALUE}).")
    int window;

    /**
     * HotSpot compiles a method with C2 only after some ten thousand calls: with 2,000 warm-up mails the
     * first notifier rows were timed while the compiler threads took a third of the two cores.
     */
    @Option(names = "--warm-up", defaultValue = "20000", description = "Untimed mails before each notifier row (default ${DEFAULT-VALUE}).")
    int warmUp;

    @Option(names = "--dir", description = "Working directory (default: a new temporary one).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (mails < 1 || window < 1 || warmUp < 1 || connections.stream().anyMatch(c -> c < 1)) {
            throw new IllegalArgumentException("--mails, --window, --warm-up and --connections must be at least 1");
        }
        PrintWriter out = new PrintWriter(System.out, true);
        // Before any mail: the bare loop runs in the notifier's JVM set-up, not in jakarta.mail's default one.
        MailStreamProvider.pinAngus();
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("resetflow-bench-notifier");
        Clock middayTokyo = middayTokyo();
        Path tenantsFile = BenchTenants.write(work);
        Path dkimKey = BenchDkimKey.write(work);
        Tenants tenants = TenantsLoader.load(Optional.of(tenantsFile));
        int noticeBytes = NoticeSize.of(tenants, middayTokyo, dkimKey, false);
        int signedNoticeBytes = NoticeSize.of(tenants, middayTokyo, dkimKey, true);
        ResultTable table = new ResultTable();
        try (MemoryWatch memory = MemoryWatch.start();
             SmtpSink sink = SmtpSink.start();
             EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDir(work.resolve("kafka")).build().start();
             EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.builder(broker.bootstrapServers()).build().start()) {
            out.printf("SMTP sink: %s%n", sink.description());

            Optional<SmtpSourceLoad> source = SmtpSourceLoad.available(sink.port(), noticeBytes);
            for (int c : connections) {
                if (source.isPresent()) {
                    table.add(ResultTable.SMTP_SOURCE, c, source.get().send(mails, c));
                }
            }
            int mostConnections = connections.stream().mapToInt(Integer::intValue).max().orElseThrow();
            BareAngusLoop bare = BareAngusLoop.prepare(sink.port(), mails, BenchNotices.unsigned(tenants, middayTokyo));
            bare.warmUp(JVM_WARM_UP_MAILS, mostConnections);
            sink.clear();
            for (int c : connections) {
                bare.warmUp(warmUp, c);
                table.add(ResultTable.BARE_LOOP, c, bare.send(c));
                sink.clear();
            }
            int referenceBytes = bare.messageBytes();
            bare = null;

            BenchNotices signed = BenchNotices.signed(tenants, middayTokyo, dkimKey);
            for (int i = 0; i < SIGNING_WARM_UP_NOTICES; i++) {
                signed.notice(i);
            }
            table.signingCeiling(SigningCeiling.measure(BenchNotices.unsigned(tenants, middayTokyo),
                    BenchNotices.dkimSigner(tenants, dkimKey), SIGNING_CEILING_SIGNATURES));
            NotifierRun notifier = new NotifierRun(new NotifierRun.Setup(broker, registry.url(), tenantsFile, work,
                    partitions, sink.port(), dkimKey, middayTokyo, GLOBAL_RATE_PER_SECOND, window, warmUp));
            notifier.warmUpJvm(JVM_WARM_UP_MAILS, mostConnections);
            sink.clear();
            for (boolean dkim : List.of(false, true)) {
                for (int c : connections) {
                    table.add(dkim ? ResultTable.NOTIFIER_DKIM : ResultTable.NOTIFIER_PLAIN, c, notifier.run(mails, c, dkim));
                    sink.clear();
                }
            }

            out.printf("%nResetFlow notifier benchmark: %,d mails per row, %d tenants, %d partitions, 1 embedded broker%n",
                    mails, tenants.ids().size(), partitions);
            out.printf("  sink: %s%s%n", sink.description(), source.isPresent() ? "" : " (smtp-source not installed: no C-client rows)");
            out.printf("  smtp-source: Postfix's C client with fixed-size messages against the same sink; another "
                    + "client's rate, not the sink's limit%n");
            out.printf("  message bytes: notifier initial notice %,d, DKIM-signed %,d; smtp-source -l %,d%n",
                    noticeBytes, signedNoticeBytes, noticeBytes);
            out.printf("  bare loop: the notifier's own unsigned notices for the same requests (%,d bytes as written), "
                    + "built before timing and held as parsed MimeMessages, sent over reused connections%n", referenceBytes);
            out.printf("  pacing: per tenant %,.0f mails/s and %,d a day, global %,.0f mails/s; clock set to %s %s "
                            + "(outside quiet hours)%n", BenchTenants.RATE_PER_SECOND, BenchTenants.DAILY_CAP,
                    GLOBAL_RATE_PER_SECOND, LocalTime.NOON, TOKYO);
            out.printf("  JVM set-up: one JVM, jakarta.mail's stream provider pinned to Angus's before any row "
                    + "(as the notifier does); the bare loop has one thread per connection, the notifier adds two "
                    + "preparing threads per core%n");
            out.printf("  warm-up, the same for both: an untimed run of %,d mails first (the notifier's also compiles "
                    + "the broker's transaction path), then %,d untimed mails before each row; %,d notices built and "
                    + "DKIM-signed untimed before the notifier rows%n", JVM_WARM_UP_MAILS, warmUp, SIGNING_WARM_UP_NOTICES);
            out.printf("  notifier rows: at most %,d requests awaiting an outcome; mails/s from first request produced "
                    + "to last outcome consumed, failed mails not counted; latency from request to outcome record "
                    + "timestamp%n", window);
            out.println();
            table.print(out, connections);
            out.printf("  peak heap %,d MiB, peak RSS %,d MiB (whole JVM: broker, registry, notifier, reference loop)%n",
                    memory.peakHeapMiB(), MemoryWatch.peakRssMiB());
            return table.allSent(out) ? 0 : 1;
        }
    }

    /** Runs in real time from today's noon in Tokyo, so quiet hours hold nothing back during the run. */
    private static Clock middayTokyo() {
        Clock system = Clock.systemUTC();
        ZonedDateTime now = ZonedDateTime.now(system.withZone(TOKYO));
        return Clock.offset(system, Duration.between(now, now.with(LocalTime.NOON)));
    }
}
