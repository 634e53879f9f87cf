package io.resetflow.tracker.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a reconciliation found: the instant and campaign time it reconciled to, the recount per
 * tenant, the intake figures, the counter checks and every mismatch (counted by kind, the first ones
 * listed in full) and the records that could not be read, by topic (their service dead-letters them).
 * Clean only when there is no mismatch at all.
 */
public record ReconcileResult(Instant reconciledTo, Instant campaignTime, long mailboxes, long recordsRead, long factsRead,
                              IntakeFigures intake, Map<String, TenantRecount> tenants,
                              Map<String, TenantTimeline> timelines,
                              Map<String, CounterCheck> counters, long mismatchCount,
                              Map<MismatchKind, Long> mismatchesByKind, List<Mismatch> mismatches,
                              Map<String, Long> unreadableByTopic, Duration took) {

    public boolean clean() {
        return mismatchCount == 0;
    }

    public long total(java.util.function.ToLongFunction<TenantRecount> figure) {
        return tenants.values().stream().mapToLong(figure).sum();
    }
}
