package io.resetflow.tracker.reconcile;

import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * When things happened to a tenant's mailboxes, in campaign time, kept as counts per hour or day
 * (a campaign lasts weeks: a few thousand buckets, whatever the number of mailboxes). The report's
 * milestones and burn-down are computed from these.
 */
public final class TenantTimeline {

    static final long HOUR = 3_600_000L;
    static final long DAY = 24 * HOUR;

    long firstNoticeSent = Long.MAX_VALUE;
    long lastInitialOutcome = Long.MIN_VALUE;
    long initialNoticesWithoutOutcome;
    long lastRemediation = Long.MIN_VALUE;
    final TreeMap<Long, Long> remediatedByHour = new TreeMap<>();
    final TreeMap<Long, Long> deadlinesByDay = new TreeMap<>();
    final TreeMap<Long, Long> forcedResetsByDay = new TreeMap<>();
    final TreeMap<Long, Long> initialNoticesSentByHour = new TreeMap<>();

    void noticeSent(boolean initial, long at) {
        firstNoticeSent = initial ? Math.min(firstNoticeSent, at) : firstNoticeSent;
        if (initial) {
            initialNoticesSentByHour.merge(floor(at, HOUR), 1L, Long::sum);
        }
    }

    void initialOutcome(long at) {
        lastInitialOutcome = Math.max(lastInitialOutcome, at);
    }

    void initialNoticeOpen() {
        initialNoticesWithoutOutcome++;
    }

    void remediated(long at) {
        if (at >= 0) {
            remediatedByHour.merge(floor(at, HOUR), 1L, Long::sum);
            lastRemediation = Math.max(lastRemediation, at);
        }
    }

    void deadline(long at) {
        if (at >= 0) {
            deadlinesByDay.merge(floor(at, DAY), 1L, Long::sum);
        }
    }

    void forcedReset(long issuedAt) {
        if (issuedAt >= 0) {
            forcedResetsByDay.merge(floor(issuedAt, DAY), 1L, Long::sum);
        }
    }

    /** Every tenant's timeline merged. */
    public static TenantTimeline sum(java.util.Collection<TenantTimeline> timelines) {
        TenantTimeline all = new TenantTimeline();
        timelines.forEach(all::addAll);
        return all;
    }

    void addAll(TenantTimeline other) {
        firstNoticeSent = Math.min(firstNoticeSent, other.firstNoticeSent);
        lastInitialOutcome = Math.max(lastInitialOutcome, other.lastInitialOutcome);
        initialNoticesWithoutOutcome += other.initialNoticesWithoutOutcome;
        lastRemediation = Math.max(lastRemediation, other.lastRemediation);
        other.remediatedByHour.forEach((k, v) -> remediatedByHour.merge(k, v, Long::sum));
        other.deadlinesByDay.forEach((k, v) -> deadlinesByDay.merge(k, v, Long::sum));
        other.forcedResetsByDay.forEach((k, v) -> forcedResetsByDay.merge(k, v, Long::sum));
        other.initialNoticesSentByHour.forEach((k, v) -> initialNoticesSentByHour.merge(k, v, Long::sum));
    }

    /** Epoch millis of the first initial notice sent, or -1. */
    public long firstNoticeSent() {
        return firstNoticeSent == Long.MAX_VALUE ? -1 : firstNoticeSent;
    }

    /** When the last initial notice got its final outcome, or -1 while one has none. */
    public long allInitialNoticesOut() {
        return initialNoticesWithoutOutcome > 0 || lastInitialOutcome == Long.MIN_VALUE ? -1 : lastInitialOutcome;
    }

    public long lastRemediation() {
        return lastRemediation == Long.MIN_VALUE ? -1 : lastRemediation;
    }

    /** The hour by whose end at least {@code needed} mailboxes were remediated, or -1. */
    public long remediatedBy(long needed) {
        if (needed <= 0) {
            return -1;
        }
        long sum = 0;
        for (var bucket : remediatedByHour.entrySet()) {
            sum += bucket.getValue();
            if (sum >= needed) {
                return bucket.getKey() + HOUR;
            }
        }
        return -1;
    }

    public NavigableMap<Long, Long> remediatedByHour() {
        return Collections.unmodifiableNavigableMap(remediatedByHour);
    }

    public NavigableMap<Long, Long> deadlinesByDay() {
        return Collections.unmodifiableNavigableMap(deadlinesByDay);
    }

    public NavigableMap<Long, Long> forcedResetsByDay() {
        return Collections.unmodifiableNavigableMap(forcedResetsByDay);
    }

    private static long floor(long at, long unit) {
        return Math.floorDiv(at, unit) * unit;
    }
}
