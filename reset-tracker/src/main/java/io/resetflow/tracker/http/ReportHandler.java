package io.resetflow.tracker.http;

import io.resetflow.core.http.Caller;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.resetflow.avro.TenantProgress;
import io.resetflow.core.ops.OpsServer;
import io.resetflow.tracker.query.QueryResult;
import io.resetflow.tracker.query.TrackerQueryService;
import io.resetflow.tracker.query.Views;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code GET /api/report?tenant=..[&format=csv]}: a regulator-ready summary of one tenant — mailboxes
 * by state, by account lifecycle (total and remediated), delivery outcomes by channel, notices sent,
 * and the milestones of its burn-down.
 */
final class ReportHandler implements HttpHandler {

    private final TrackerQueryService queries;
    private final TenantQueries tenants;

    ReportHandler(TrackerQueryService queries, TenantQueries tenants) {
        this.queries = queries;
        this.tenants = tenants;
    }

    record Report(String tenant, String generatedAt, long total, long remediated, double remediatedRatio,
                  Map<String, Long> byState, Map<String, Map<String, Long>> byLifecycle,
                  Map<String, Map<String, Long>> byChannel, Map<String, Long> noticesRequested,
                  Map<String, String> milestones, String estimatedCompletion) {
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Map<String, String> query;
        try {
            query = Responses.query(exchange);
        } catch (Responses.BadRequest e) {
            Responses.error(exchange, 400, e.getMessage());
            return;
        }
        String tenant = query.get("tenant");
        Caller caller = Caller.of(exchange);
        if (tenant == null || queries.tenants().byId(tenant).isEmpty() || !caller.mayRead(tenant)) {
            Responses.error(exchange, 404, "tenant must name a configured tenant you may see");
            return;
        }
        try {
            QueryResult<List<TenantProgress>> progress = queries.progress();
            QueryResult<Views.CountersView> counters = tenants.counters(tenant, false, caller);
            QueryResult<Views.HistoryView> history = tenants.history(tenant, caller);
            if (!(progress instanceof QueryResult.Found<List<TenantProgress>> p)
                    || !(counters instanceof QueryResult.Found<Views.CountersView> c)
                    || !(history instanceof QueryResult.Found<Views.HistoryView> h)) {
                Responses.unavailable(exchange, "stores not ready");
                return;
            }
            TenantProgress current = p.value().stream().filter(t -> t.getTenant().equals(tenant)).findFirst()
                    .orElseThrow();
            Report report = report(current, c.value().counters(), h.value());
            if ("csv".equals(query.get("format"))) {
                exchange.getResponseHeaders().set("Content-Disposition",
                        "attachment; filename=\"resetflow-report-" + tenant + ".csv\"");
                OpsServer.respond(exchange, 200, "text/csv; charset=utf-8", csv(report));
            } else {
                Responses.json(exchange, 200, report);
            }
        } catch (FanOut.PeerUnavailable e) {
            Responses.unavailable(exchange, e.getMessage());
        }
    }

    static Report report(TenantProgress progress, Map<String, Long> counters, Views.HistoryView history) {
        Map<String, Map<String, Long>> byLifecycle = new TreeMap<>();
        Map<String, Map<String, Long>> byChannel = new TreeMap<>();
        Map<String, Long> notices = new TreeMap<>();
        counters.forEach((key, value) -> {
            String[] parts = key.split("\\|");
            switch (parts[0]) {
                case "lifecycle" -> byLifecycle.computeIfAbsent(parts[1], k -> new TreeMap<>()).put(parts[2], value);
                case "channel" -> byChannel.computeIfAbsent(parts[1], k -> new TreeMap<>()).put(parts[2], value);
                case "notices" -> notices.put(parts[1], value);
                default -> { }
            }
        });
        return new Report(progress.getTenant(), Instant.now().toString(), progress.getTotal(),
                progress.getRemediated(), progress.getRemediatedRatio(), new TreeMap<>(progress.getCountsByState()),
                byLifecycle, byChannel, notices, new LinkedHashMap<>(history.milestones()),
                history.estimatedCompletion());
    }

    static String csv(Report report) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader("section", "key", "detail", "value").get())) {
            csv.printRecord("summary", "tenant", "", report.tenant());
            csv.printRecord("summary", "generatedAt", "", report.generatedAt());
            csv.printRecord("summary", "total", "", report.total());
            csv.printRecord("summary", "remediated", "", report.remediated());
            csv.printRecord("summary", "remediatedRatio", "", report.remediatedRatio());
            csv.printRecord("summary", "estimatedCompletion", "", report.estimatedCompletion());
            for (var state : report.byState().entrySet()) {
                csv.printRecord("state", state.getKey(), "", state.getValue());
            }
            for (var lifecycle : report.byLifecycle().entrySet()) {
                for (var count : lifecycle.getValue().entrySet()) {
                    csv.printRecord("lifecycle", lifecycle.getKey(), count.getKey(), count.getValue());
                }
            }
            for (var channel : report.byChannel().entrySet()) {
                for (var count : channel.getValue().entrySet()) {
                    csv.printRecord("channel", channel.getKey(), count.getKey(), count.getValue());
                }
            }
            for (var notice : report.noticesRequested().entrySet()) {
                csv.printRecord("notices", notice.getKey(), "", notice.getValue());
            }
            for (var milestone : report.milestones().entrySet()) {
                csv.printRecord("milestone", milestone.getKey(), "", milestone.getValue());
            }
        }
        return out.toString();
    }
}
