package io.resetflow.tracker.query;

import java.util.List;
import java.util.Map;

/** What the query API returns, as JSON; times are ISO-8601 strings. No address is ever returned. */
public final class Views {

    private Views() {
    }

    /** {@code by}: who at the ISP gave the answer this entry records; null for ResetFlow's own steps. */
    public record TimelineView(String state, String reason, String at, String by) {
    }

    /** The command the mailbox waits on the ISP for. */
    public record CommandView(String commandId, String action, int attempt, String issuedAt, String respondBy,
                              boolean accepted) {
    }

    public record MailboxView(String mailboxId, String tenant, String brand, String lifecycle, String priority,
                              String state, String reason, boolean remediated, int remindersSent, int noticesIssued,
                              String affectedAt, String noticeIssuedAt, String notifiedAt, String deadlineAt,
                              String remediatedAt, String updatedAt, String nextTimerAt,
                              List<TimelineView> timeline, CommandView openCommand) {
    }

    /**
     * A tenant's progress. {@code deliveries}: outcomes the notifier reported, by status (SENT, DEFERRED,
     * BOUNCED, FAILED); {@code funnel}: mailboxes that ever reached each stage; {@code remindersDue}:
     * reminders scheduled per Tokyo date, earliest first (dates before {@code asOf} are overdue).
     */
    public record TenantView(String tenant, String name, String nameJa, Map<String, Long> countsByState, long total, long remediated,
                             double remediatedRatio, String asOf, String estimatedCompletion,
                             Map<String, Long> deliveries, Map<String, Long> funnel, List<DayCount> remindersDue) {
    }

    public record DayCount(String date, long count) {
    }

    public record HistoryPoint(String at, long total, long remediated, double remediatedRatio,
                               Map<String, Long> countsByState) {
    }

    public record HistoryView(String tenant, List<HistoryPoint> points, String estimatedCompletion,
                              Map<String, String> milestones) {
    }

    /** {@code rows} describe the page's mailboxes, in the same order; an address only ever appears masked. */
    public record StragglerPage(String tenant, String state, List<String> mailboxIds, String next,
                                List<StragglerRow> rows) {
    }

    public record StragglerRow(String mailboxId, String maskedAddress, String brand, String lifecycle, String state,
                               String reason, String affectedAt, double daysOutstanding, String lastActionAt,
                               int remindersSent, String nextTimerAt) {
    }

    /** One instance's counters of a tenant (see TaskCounts), summed over its partitions. */
    public record CountersView(String tenant, Map<String, Long> counters) {
    }
}
