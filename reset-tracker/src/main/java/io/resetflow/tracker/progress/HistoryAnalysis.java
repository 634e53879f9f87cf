package io.resetflow.tracker.progress;

import io.resetflow.avro.TenantProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a tenant's burn-down history: when it will reach 100% at the current rate, and its milestones. */
public final class HistoryAnalysis {

    private static final double[] MILESTONES = {0.25, 0.5, 0.75, 0.9, 0.99, 1.0};

    private HistoryAnalysis() {
    }

    /**
     * The rate is the remediated count gained over the window ending at the latest snapshot; empty
     * when nothing was gained in it (no meaningful estimate), the latest time when already complete.
     */
    public static Optional<Instant> estimatedCompletion(List<TenantProgress> history, Duration window) {
        if (history.isEmpty()) {
            return Optional.empty();
        }
        TenantProgress latest = history.get(history.size() - 1);
        if (latest.getTotal() > 0 && latest.getRemediated() >= latest.getTotal()) {
            return Optional.of(latest.getAsOf());
        }
        Instant windowStart = latest.getAsOf().minus(window);
        TenantProgress base = history.get(0);
        for (TenantProgress point : history) {
            if (point.getAsOf().isAfter(windowStart)) {
                break;
            }
            base = point;
        }
        long gained = latest.getRemediated() - base.getRemediated();
        long millis = Duration.between(base.getAsOf(), latest.getAsOf()).toMillis();
        if (gained <= 0 || millis <= 0) {
            return Optional.empty();
        }
        double perMilli = (double) gained / millis;
        long remaining = latest.getTotal() - latest.getRemediated();
        return Optional.of(latest.getAsOf().plusMillis(Math.round(remaining / perMilli)));
    }

    /** First snapshot time at which milestones were reached: first remediation, 25% ... 100%. */
    public static Map<String, String> milestones(List<TenantProgress> history) {
        Map<String, String> reached = new LinkedHashMap<>();
        if (!history.isEmpty()) {
            reached.put("firstSnapshot", history.get(0).getAsOf().toString());
        }
        for (TenantProgress point : history) {
            if (point.getRemediated() > 0) {
                reached.putIfAbsent("firstRemediation", point.getAsOf().toString());
            }
            for (double milestone : MILESTONES) {
                if (point.getTotal() > 0 && point.getRemediatedRatio() >= milestone) {
                    reached.putIfAbsent("remediated" + Math.round(milestone * 100) + "pct", point.getAsOf().toString());
                }
            }
        }
        return reached;
    }
}
