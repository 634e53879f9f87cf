package io.resetflow.tracker.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.resetflow.avro.RemediationState;
import io.resetflow.avro.StateReason;
import io.resetflow.core.tenant.Tenant;
import io.resetflow.tracker.reconcile.ReconcileJson;
import io.resetflow.tracker.reconcile.TenantRecount;
import io.resetflow.tracker.reconcile.TenantTimeline;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The report's figures as JSON: the one form every other is rendered from (CSV flattens it, the
 * HTML page shows it), so the three cannot disagree. Counts only: no address anywhere.
 */
public final class ReportJson {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final double[] SHARES = {0.5, 0.9, 0.99, 1.0};

    private ReportJson() {
    }

    public static ObjectNode of(RegulatorReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("kind", report.kind().name());
        root.put("asOf", report.asOf().toString());
        root.put("campaignTime", report.campaignTime().toString());
        ObjectNode reconcile = root.putObject("reconcile");
        reconcile.put("clean", report.reconcileClean());
        reconcile.put("mismatchCount", report.mismatchCount());
        root.set("incident", incident(report));
        boolean all = report.sections().stream().anyMatch(s -> s.tenant().equals(RegulatorReport.ALL));
        if (all) {
            ObjectNode intake = JSON.valueToTree(report.reconciled().intake());
            intake.put("rejected", report.reconciled().intake().rejected());
            root.set("intake", intake);
        }
        ObjectNode sections = root.putObject("sections");
        for (RegulatorReport.Section section : report.sections()) {
            sections.set(section.tenant(), section(section));
        }
        return root;
    }

    public static String text(RegulatorReport report) {
        return text(of(report));
    }

    static String text(ObjectNode report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode incident(RegulatorReport report) {
        ObjectNode incident = JSON.createObjectNode();
        Incident source = report.incident();
        incident.put("breachCutoff", source.breachCutoff() == null ? null : source.breachCutoff().toString());
        incident.put("campaignStart", source.campaignStart() == null ? null : source.campaignStart().toString());
        ObjectNode policies = incident.putObject("policies");
        for (RegulatorReport.Section section : report.sections()) {
            source.tenants().byId(section.tenant()).ifPresent(tenant -> policies.set(tenant.id(), policy(tenant)));
        }
        return incident;
    }

    private static ObjectNode policy(Tenant tenant) {
        ObjectNode node = JSON.createObjectNode();
        var policy = tenant.policy();
        node.put("reminders", String.join(" ", policy.reminderOffsets().stream().map(Duration::toString).toList()));
        node.put("deadline", policy.deadline().toString());
        node.put("quietHours", String.valueOf(policy.quietHours()));
        node.put("dailySendCap", policy.dailySendCap());
        node.put("sendRatePerSecond", policy.sendRatePerSecond());
        node.put("commandAnswerTimeout", policy.commandAnswerTimeout().toString());
        node.put("commandAttempts", policy.commandAttempts());
        node.put("inactiveAccounts", policy.inactiveAccounts().name());
        return node;
    }

    private static ObjectNode section(RegulatorReport.Section section) {
        TenantRecount f = section.figures();
        ObjectNode node = JSON.createObjectNode();
        node.put("name", section.name());
        node.put("nameJa", section.nameJa());
        ObjectNode mailboxes = node.putObject("mailboxes");
        mailboxes.put("accepted", f.accepted());
        mailboxes.put("duplicates", f.duplicates());
        mailboxes.put("tracked", f.tracked());
        mailboxes.put("remediated", f.remediated());
        mailboxes.put("escalated", f.state(RemediationState.ESCALATED));
        mailboxes.put("open", section.open());
        mailboxes.put("remediatedShare", f.tracked() == 0 ? 0 : (double) f.remediated() / f.tracked());
        ObjectNode how = node.putObject("remediatedHow");
        Map<String, Map<String, Long>> reasons = f.byStateAndReason();
        how.put("customer", reason(reasons, RemediationState.RESET_COMPLETED, StateReason.RESET_BY_CUSTOMER));
        how.put("operator", reason(reasons, RemediationState.RESET_COMPLETED, StateReason.RESET_BY_OPERATOR));
        how.put("forced", reason(reasons, RemediationState.RESET_COMPLETED, StateReason.RESET_FORCED_BY_ISP));
        how.put("locked", f.state(RemediationState.LOCKED));
        how.put("escalated", f.state(RemediationState.ESCALATED));
        how.put("reachedByOtherChannel",
                reason(reasons, RemediationState.UNDELIVERABLE, StateReason.REACHED_BY_OTHER_CHANNEL));
        ObjectNode figures = ReconcileJson.tenantFigures(f);
        figures.remove("counters");
        node.set("figures", figures);
        node.set("milestones", milestones(section));
        node.set("burnDown", burnDown(section));
        return node;
    }

    private static long reason(Map<String, Map<String, Long>> reasons, RemediationState state, StateReason reason) {
        return reasons.getOrDefault(state.name(), Map.of()).getOrDefault(reason.name(), 0L);
    }

    private static ObjectNode milestones(RegulatorReport.Section section) {
        TenantTimeline timeline = section.timeline();
        long accepted = section.figures().tracked();
        ObjectNode node = JSON.createObjectNode();
        time(node, "firstNoticeSent", timeline.firstNoticeSent());
        time(node, "allInitialNoticesOut", timeline.allInitialNoticesOut());
        for (double share : SHARES) {
            long needed = (long) Math.ceil(share * accepted);
            time(node, "remediated" + Math.round(share * 100), timeline.remediatedBy(needed));
        }
        ArrayNode deadlines = node.putArray("deadlineWaves");
        timeline.deadlinesByDay().forEach((day, n) -> deadlines.addObject()
                .put("day", Instant.ofEpochMilli(day).toString()).put("mailboxes", n));
        ArrayNode forced = node.putArray("forcedResetWaves");
        timeline.forcedResetsByDay().forEach((day, n) -> forced.addObject()
                .put("day", Instant.ofEpochMilli(day).toString()).put("commands", n));
        time(node, "lastMailbox", section.open() == 0 ? timeline.lastRemediation() : -1);
        return node;
    }

    /** Mailboxes still open at the end of each campaign day with a remediation. */
    private static ArrayNode burnDown(RegulatorReport.Section section) {
        ArrayNode points = JSON.createArrayNode();
        long outstanding = section.figures().tracked();
        long day = Long.MIN_VALUE;
        for (var bucket : section.timeline().remediatedByHour().entrySet()) {
            long bucketDay = Math.floorDiv(bucket.getKey(), 86_400_000L) * 86_400_000L;
            if (day != Long.MIN_VALUE && bucketDay != day) {
                points.addObject().put("at", Instant.ofEpochMilli(day + 86_400_000L).toString())
                        .put("outstanding", outstanding);
            }
            day = bucketDay;
            outstanding -= bucket.getValue();
        }
        if (day != Long.MIN_VALUE) {
            points.addObject().put("at", Instant.ofEpochMilli(day + 86_400_000L).toString())
                    .put("outstanding", outstanding);
        }
        return points;
    }

    private static void time(ObjectNode node, String field, long epochMillis) {
        node.put(field, epochMillis < 0 ? null : Instant.ofEpochMilli(epochMillis).toString());
    }
}
