package io.resetflow.tracker.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as a printable page (A4, Japanese and English labels, a burn-down chart per ISP) that an
 * operator can attach to the filing. Every figure comes from the JSON form and carries its JSON path
 * in {@code data-key}, so a test can hold the page to the JSON. The template escapes every value.
 */
public final class ReportHtml {

    private static final Mustache TEMPLATE = new DefaultMustacheFactory("report")
            .compile("regulator-report.mustache");
    private static final int CHART_WIDTH = 640;
    private static final int CHART_HEIGHT = 180;

    private ReportHtml() {
    }

    public static String render(JsonNode report) {
        StringWriter out = new StringWriter();
        TEMPLATE.execute(out, view(report));
        return out.toString();
    }

    private static Map<String, Object> view(JsonNode report) {
        Map<String, Object> view = new LinkedHashMap<>();
        boolean fin = report.path("kind").asText().equals("FINAL");
        view.put("kindJa", fin ? "確定報告" : "速報（中間報告）");
        view.put("kindEn", fin ? "Final report" : "Interim report");
        view.put("asOf", report.path("asOf").asText());
        view.put("campaignTime", report.path("campaignTime").asText());
        view.put("clean", report.path("reconcile").path("clean").asBoolean());
        view.put("mismatchCount", report.path("reconcile").path("mismatchCount").asLong());
        view.put("incident", rows(report.path("incident"), "incident", List.of("breachCutoff", "campaignStart")));
        List<Map<String, Object>> policies = new ArrayList<>();
        report.path("incident").path("policies").fields().forEachRemaining(e -> policies.add(Map.of(
                "tenant", e.getKey(), "rows", rows(e.getValue(), "incident.policies." + e.getKey(), fields(e.getValue())))));
        view.put("policies", policies);
        if (report.has("intake")) {
            view.put("intake", Map.of(
                    "rows", rows(report.path("intake"), "intake",
                            List.of("rowsRead", "accepted", "duplicates", "rejected", "unreadableRows", "pendingAtIntake")),
                    "rejections", rows(report.path("intake").path("rejectedByReason"), "intake.rejectedByReason",
                            fields(report.path("intake").path("rejectedByReason")))));
        }
        List<Map<String, Object>> sections = new ArrayList<>();
        report.path("sections").fields().forEachRemaining(e -> sections.add(section(e.getKey(), e.getValue())));
        view.put("sections", sections);
        return view;
    }

    private static Map<String, Object> section(String tenant, JsonNode node) {
        String base = "sections." + tenant;
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("tenant", tenant);
        view.put("name", node.path("name").asText());
        view.put("nameJa", node.path("nameJa").isNull() ? "" : node.path("nameJa").asText());
        JsonNode figures = node.path("figures");
        List<Map<String, Object>> tables = new ArrayList<>();
        tables.add(table("メールボックス", "Mailboxes", rows(node.path("mailboxes"), base + ".mailboxes",
                fields(node.path("mailboxes")))));
        tables.add(table("対処の内訳", "How each was remediated", rows(node.path("remediatedHow"),
                base + ".remediatedHow", fields(node.path("remediatedHow")))));
        tables.add(table("状態別", "By state", rows(figures.path("byState"), base + ".figures.byState",
                fields(figures.path("byState")))));
        tables.add(table("アカウント種別", "By account lifecycle", rows(figures.path("byLifecycle"),
                base + ".figures.byLifecycle", fields(figures.path("byLifecycle")))));
        tables.add(table("パスワード保存形式", "By credential storage", rows(figures.path("byCredentialStorage"),
                base + ".figures.byCredentialStorage", fields(figures.path("byCredentialStorage")))));
        tables.add(table("通知（種類別）", "Notices requested", rows(figures.path("noticesRequested"),
                base + ".figures.noticesRequested", fields(figures.path("noticesRequested")))));
        figures.path("deliveriesByChannel").fields().forEachRemaining(channel -> tables.add(table(
                "配信結果：" + ReportLabels.ja(channel.getKey()), "Deliveries: " + ReportLabels.en(channel.getKey()),
                rows(channel.getValue(), base + ".figures.deliveriesByChannel." + channel.getKey(),
                        fields(channel.getValue())))));
        JsonNode commands = figures.path("commands");
        tables.add(table("ISPへの依頼", "Commands to the ISP", rows(commands.path("issued"),
                base + ".figures.commands.issued", fields(commands.path("issued")))));
        tables.add(table("ISPの回答", "The ISP's answers", rows(commands.path("answers"),
                base + ".figures.commands.answers", fields(commands.path("answers")))));
        tables.add(table("依頼の追跡", "Follow-up", rows(commands, base + ".figures.commands",
                List.of("reissued", "cancelled", "open"))));
        view.put("tables", tables);
        view.put("milestones", rows(node.path("milestones"), base + ".milestones", List.of("firstNoticeSent",
                "allInitialNoticesOut", "remediated50", "remediated90", "remediated99", "remediated100", "lastMailbox")));
        view.put("chart", chart(node.path("burnDown"), node.path("mailboxes").path("tracked").asLong()));
        return view;
    }

    private static Map<String, Object> table(String ja, String en, List<Map<String, Object>> rows) {
        return Map.of("titleJa", ja, "titleEn", en, "rows", rows);
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String name = it.next();
            if (node.get(name).isValueNode()) {
                names.add(name);
            }
        }
        return names;
    }

    private static List<Map<String, Object>> rows(JsonNode node, String base, List<String> keys) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String key : keys) {
            JsonNode value = node.path(key);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ja", ReportLabels.ja(key));
            row.put("en", ReportLabels.en(key));
            row.put("key", base + "." + key);
            row.put("value", value.isNull() || value.isMissingNode() ? "—" : shown(key, value));
            rows.add(row);
        }
        return rows;
    }

    /** Counts with thousands separators, a share (a key ending in Share) as a percentage, the rest as it is. */
    static String shown(String key, JsonNode value) {
        if (value.isIntegralNumber()) {
            return String.format(Locale.ROOT, "%,d", value.asLong());
        }
        if (value.isFloatingPointNumber() && key.endsWith("Share")) {
            return String.format(Locale.ROOT, "%.2f%%", value.asDouble() * 100);
        }
        return value.asText();
    }

    /** A burn-down chart as SVG: open mailboxes at the end of each day (only numbers of ours in it). */
    private static Map<String, Object> chart(JsonNode points, long tracked) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("width", CHART_WIDTH);
        chart.put("height", CHART_HEIGHT);
        StringBuilder polyline = new StringBuilder();
        int n = points.size();
        long max = Math.max(1, tracked);
        polyline.append("0,0");
        for (int i = 0; i < n; i++) {
            double x = (i + 1) * (double) CHART_WIDTH / Math.max(1, n);
            double y = CHART_HEIGHT - points.get(i).path("outstanding").asLong() * (double) CHART_HEIGHT / max;
            polyline.append(String.format(Locale.ROOT, " %.1f,%.1f", x, y));
        }
        chart.put("points", polyline.toString());
        chart.put("max", String.format(Locale.ROOT, "%,d", tracked));
        chart.put("from", n == 0 ? "" : points.get(0).path("at").asText().substring(0, 10));
        chart.put("to", n == 0 ? "" : points.get(n - 1).path("at").asText().substring(0, 10));
        chart.put("days", n);
        return chart;
    }
}
