package io.resetflow.tracker.query;

import java.util.List;
import java.util.Map;

/** What the query API returns, as JSON; times are ISO-8601 strings. No address is ever returned. */
public final class Views {

    private Views() {
    }

    public record TimelineView(String state, String reason, String at) {
    }

    public record MailboxView(String mailboxId, String tenant, String brand, String lifecycle, String priority,
                              String state, String reason, boolean remediated, int remindersSent, int noticesIssued,
                              String affectedAt, String noticeIssuedAt, String notifiedAt, String deadlineAt,
                              String remediatedAt, String updatedAt, String nextTimerAt,
                              List<TimelineView> timeline) {
    }

    public record TenantView(String tenant, Map<String, Long> countsByState, long total, long remediated,
                             double remediatedRatio, String asOf, String estimatedCompletion) {
    }

    public record HistoryPoint(String at, long total, long remediated, double remediatedRatio,
                               Map<String, Long> countsByState) {
    }

    public record HistoryView(String tenant, List<HistoryPoint> points, String estimatedCompletion,
                              Map<String, String> milestones) {
    }

    public record StragglerPage(String tenant, String state, List<String> mailboxIds, String next) {
    }

    /** One instance's counters of a tenant (see TaskCounts), summed over its partitions. */
    public record CountersView(String tenant, Map<String, Long> counters) {
    }
}
