package io.resetflow.bench.tracker;

import io.resetflow.tracker.reconcile.ReconcileResult;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The figures of one tracker benchmark run, printed as one table. */
final class BenchReport {

    static final long FULL_BREACH = 14_220_000;
    static final double TRACK_SECONDS_TARGET = 360;
    static final double REMINDER_DAY_SECONDS_TARGET = 360;
    static final double LOOKUP_P99_MILLIS_TARGET = 20;
    static final double PROGRESS_P99_MILLIS_TARGET = 50;

    private final long mailboxes;
    private final int partitions;
    private final int streamThreads;
    private final Map<String, String> loads = new LinkedHashMap<>();
    private InputProducer.Intake intake;
    private double trackSeconds;
    private double trackRunningSeconds;
    private boolean tracked;
    private long statuses;
    private long initialNotices;
    private long stateAfterIntakeKiB;
    private InputProducer.Resets resets;
    private double resetSeconds;
    private boolean resetsApplied;
    private long resetStatuses;
    private QueryLoad.Summary resetLookups;
    private QueryLoad.Summary resetProgress;
    private long remindersExpected;
    private double reminderSeconds;
    private double reminderRunningSeconds;
    private boolean remindersEmitted;
    private long reminders;
    private QueryLoad.Summary reminderLookups;
    private QueryLoad.Summary reminderProgress;
    private long stateAtEndKiB;
    private long peakHeapMiB;
    private double reconcileSeconds;
    private ReconcileResult reconciled;
    private long reconcilePeakHeapMiB;
    private long peakRssMiB;

    BenchReport(long mailboxes, int partitions, int streamThreads) {
        this.mailboxes = mailboxes;
        this.partitions = partitions;
        this.streamThreads = streamThreads;
    }

    void load(String moment) {
        loads.put(moment, BenchTrackerCommand.loadAverage());
    }

    void intakeProduced(InputProducer.Intake intake) {
        this.intake = intake;
    }

    void tracked(double seconds, double runningSeconds, boolean complete, long statuses, long notices) {
        this.trackSeconds = seconds;
        this.trackRunningSeconds = runningSeconds;
        this.tracked = complete;
        this.statuses = statuses;
        this.initialNotices = notices;
    }

    void stateAfterIntake(long kib) {
        this.stateAfterIntakeKiB = kib;
    }

    void resets(InputProducer.Resets resets, double seconds, boolean applied, long statuses) {
        this.resets = resets;
        this.resetSeconds = seconds;
        this.resetsApplied = applied;
        this.resetStatuses = statuses;
    }

    void resetLatencies(QueryLoad.Summary lookups, QueryLoad.Summary progress) {
        this.resetLookups = lookups;
        this.resetProgress = progress;
    }

    void reminders(long expected, double seconds, double runningSeconds, boolean emitted, long reminders) {
        this.remindersExpected = expected;
        this.reminderSeconds = seconds;
        this.reminderRunningSeconds = runningSeconds;
        this.remindersEmitted = emitted;
        this.reminders = reminders;
    }

    void reminderLatencies(QueryLoad.Summary lookups, QueryLoad.Summary progress) {
        this.reminderLookups = lookups;
        this.reminderProgress = progress;
    }

    void stateAtEnd(long kib) {
        this.stateAtEndKiB = kib;
    }

    void reconciled(double seconds, ReconcileResult result, long peakHeapMiB) {
        this.reconcileSeconds = seconds;
        this.reconciled = result;
        this.reconcilePeakHeapMiB = peakHeapMiB;
    }

    void memory(long heapMiB, long rssMiB) {
        this.peakHeapMiB = heapMiB;
        this.peakRssMiB = rssMiB;
    }

    boolean complete() {
        return tracked && resetsApplied && remindersEmitted && reconciled.clean();
    }

    void print(PrintWriter out, Instant intakeDay, Instant reminderDay) {
        out.printf("%nResetFlow tracker benchmark: %,d mailboxes (%,d former), %d partitions, %d stream thread(s), "
                + "%d cores, 1 embedded broker%n", mailboxes, intake.former(), partitions, streamThreads,
                Runtime.getRuntime().availableProcessors());
        out.printf("campaign: intake at %s, reminder day at %s (clock x%.0f)%n", intakeDay, reminderDay,
                CampaignDays.SPEED);
        out.println("phase                                  seconds        rate/s   result");
        row(out, "intake produced (Avro, acks=all)", intake.seconds(), intake.records(), intake.records() + " records");
        row(out, "all tracked (from tracker start)", trackSeconds, intake.records(),
                outcome(tracked, "%,d statuses, %,d initial notices".formatted(statuses, initialNotices)));
        out.printf("  %-36s %8.1f%n", "  of which start-up to RUNNING", trackRunningSeconds);
        row(out, "resets produced", resets.seconds(), resets.events(), resets.events() + " events");
        row(out, "resets applied (from first send)", resetSeconds, resets.events(),
                outcome(resetsApplied, "%,d status changes".formatted(resetStatuses)));
        row(out, "reminder day: all reminders out", reminderSeconds, remindersExpected,
                outcome(remindersEmitted, "%,d of %,d reminders".formatted(reminders, remindersExpected)));
        out.printf("  %-36s %8.1f%n", "  of which restart to RUNNING", reminderRunningSeconds);
        row(out, "reconcile (records read)", reconcileSeconds, reconciled.recordsRead(),
                (reconciled.clean() ? "clean, %,d mailboxes".formatted(reconciled.mailboxes())
                        : "%,d MISMATCHES".formatted(reconciled.mismatchCount()))
                        + "; peak heap %,d MiB (broker and registry included)".formatted(reconcilePeakHeapMiB));
        out.println();
        out.println("query latency (paced; percentiles of the 200 responses)");
        out.println("                            requests      200    503  other   p50 ms   p99 ms   max ms");
        latency(out, "lookup   during resets", resetLookups);
        latency(out, "progress during resets", resetProgress);
        latency(out, "lookup   reminder day", reminderLookups);
        latency(out, "progress reminder day", reminderProgress);
        out.println();
        verdict(out);
        out.println();
        out.printf("state dir: %,d MiB after intake, %,d MiB at end (du -sk)%n", stateAfterIntakeKiB >> 10,
                stateAtEndKiB >> 10);
        out.printf("peak heap %,d MiB, peak RSS %,d MiB (whole JVM: broker, registry, tracker, load)%n",
                peakHeapMiB, peakRssMiB);
        out.print("load average (1/5/15 min):");
        loads.forEach((moment, load) -> out.printf(" %s [%s];", moment, load));
        out.println();
    }

    /** The targets, set for the full breach: at a smaller size they are easier, and say less. */
    private void verdict(PrintWriter out) {
        out.printf("targets (set for %,d mailboxes; this run: %,d)%n", FULL_BREACH, mailboxes);
        target(out, "all tracked", trackSeconds, TRACK_SECONDS_TARGET, "s");
        target(out, "reminder day", reminderSeconds, REMINDER_DAY_SECONDS_TARGET, "s");
        target(out, "lookup p99 during resets", resetLookups.p99Millis(), LOOKUP_P99_MILLIS_TARGET, "ms");
        target(out, "lookup p99 reminder day", reminderLookups.p99Millis(), LOOKUP_P99_MILLIS_TARGET, "ms");
        target(out, "progress p99 reminder day", reminderProgress.p99Millis(), PROGRESS_P99_MILLIS_TARGET, "ms");
        out.printf("check: %s%n", complete() ? "every mailbox tracked, every reset applied, every reminder out, "
                + "reconcile clean" : "FAILED (see STALLED or MISMATCHES above)");
    }

    private static void target(PrintWriter out, String what, double value, double limit, String unit) {
        out.printf("  %-28s %,10.1f %-3s <= %,.0f %s  %s%n", what, value, unit, limit, unit,
                value <= limit ? "met" : "NOT MET");
    }

    private static void row(PrintWriter out, String phase, double seconds, long items, String result) {
        out.printf("%-38s %8.1f %,13.0f   %s%n", phase, seconds, items / seconds, result);
    }

    private static void latency(PrintWriter out, String name, QueryLoad.Summary s) {
        out.printf("%-26s %,10d %,8d %6d %6d %8.1f %8.1f %8.1f%n", name, s.requests(), s.succeeded(), s.unavailable(),
                s.errors(), s.p50Millis(), s.p99Millis(), s.maxMillis());
    }

    private static String outcome(boolean complete, String detail) {
        return complete ? detail : "STALLED at " + detail;
    }
}
