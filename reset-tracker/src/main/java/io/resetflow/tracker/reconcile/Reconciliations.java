package io.resetflow.tracker.reconcile;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciliation inside the tracker, for the dashboard and the alerts: one run at a time, on demand
 * and every interval, on a thread of its own (it reads every evidence topic; the stream threads are
 * not touched). The last result stays for the dashboard and the report; its mismatch count is a gauge.
 */
public final class Reconciliations implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciliations.class);

    /** What the dashboard shows: whether one runs, when the last started, its result or its failure. */
    public record Status(boolean running, Instant lastStarted, ReconcileResult last, Instant lastFinished,
                         String lastFailure) {
    }

    private final Supplier<ReconcileResult> reconcile;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "reconcile");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Instant lastStarted;
    private volatile Instant lastFinished;
    private volatile ReconcileResult last;
    private volatile String lastFailure;

    public Reconciliations(Supplier<ReconcileResult> reconcile, Duration interval, MeterRegistry registry) {
        this.reconcile = reconcile;
        Gauge.builder("resetflow_reconcile_mismatches", this, r -> r.last == null ? Double.NaN : r.last.mismatchCount())
                .description("Mismatches the last reconciliation found (NaN before the first)").register(registry);
        Gauge.builder("resetflow_reconcile_last_success_timestamp_seconds", this,
                        r -> r.last == null ? Double.NaN : r.lastFinished.getEpochSecond())
                .description("When the last reconciliation that ran to its end finished").register(registry);
        Gauge.builder("resetflow_reconcile_running", this, r -> r.running.get() ? 1 : 0)
                .description("1 while a reconciliation runs").register(registry);
        if (!interval.isZero() && !interval.isNegative()) {
            thread.scheduleWithFixedDelay(this::trigger, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Starts a run unless one is running; true when this call started it. */
    public boolean trigger() {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        lastStarted = Instant.now();
        thread.execute(this::runOnce);
        return true;
    }

    private void runOnce() {
        try {
            ReconcileResult result = reconcile.get();
            last = result;
            lastFinished = Instant.now();
            lastFailure = null;
            LOG.info("Reconciliation to {}: {} mismatches over {} mailboxes", result.reconciledTo(),
                    result.mismatchCount(), result.mailboxes());
        } catch (RuntimeException e) {
            lastFailure = e.getMessage();
            LOG.warn("Reconciliation failed: {}", e.toString());
        } finally {
            running.set(false);
        }
    }

    public Status status() {
        return new Status(running.get(), lastStarted, last, lastFinished, lastFailure);
    }

    public Optional<ReconcileResult> last() {
        return Optional.ofNullable(last);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
