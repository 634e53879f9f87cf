package io.resetflow.tracker.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.resetflow.core.http.AuditLog;
import io.resetflow.core.http.Caller;
import io.resetflow.core.ops.OpsServer;
import io.resetflow.tracker.reconcile.ReconcileJson;
import io.resetflow.tracker.reconcile.Reconciliations;
import io.resetflow.tracker.report.Incident;
import io.resetflow.tracker.report.RegulatorReport;
import io.resetflow.tracker.report.ReportFormat;
import java.io.IOException;
import java.util.Map;

/**
 * Operations' reconciliation from the dashboard: {@code GET /api/reconcile} (the last result and
 * whether one runs), {@code POST /api/reconcile} (start one; 409 while one runs) and
 * {@code GET /api/reconcile/report?tenant=all|ID&format=html|csv|json} (the regulator's report from
 * the last result). Read-only on the campaign; the operations role only.
 */
final class ReconcileHandler implements HttpHandler {

    private final Reconciliations reconciliations;
    private final Incident incident;

    ReconcileHandler(Reconciliations reconciliations, Incident incident) {
        this.reconciliations = reconciliations;
        this.incident = incident;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Caller caller = Caller.of(exchange);
        if (!caller.isOperations()) {
            Responses.error(exchange, 403, "reconciliation is for the operations role");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/api/reconcile/report")) {
            report(exchange, caller);
        } else if (!path.equals("/api/reconcile")) {
            Responses.error(exchange, 404, "no such resource");
        } else if (exchange.getRequestMethod().equals("POST")) {
            boolean started = reconciliations.trigger();
            AuditLog.record(caller, "reconcile", started ? "started" : "already running");
            Responses.json(exchange, started ? 202 : 409, Map.of("started", started));
        } else {
            Responses.json(exchange, 200, status());
        }
    }

    private ObjectNode status() {
        Reconciliations.Status status = reconciliations.status();
        ObjectNode node = Responses.JSON.createObjectNode();
        node.put("running", status.running());
        node.put("lastStarted", status.lastStarted() == null ? null : status.lastStarted().toString());
        node.put("lastFinished", status.lastFinished() == null ? null : status.lastFinished().toString());
        node.put("lastFailure", status.lastFailure());
        node.set("result", status.last() == null ? null : ReconcileJson.of(status.last()));
        return node;
    }

    private void report(HttpExchange exchange, Caller caller) throws IOException {
        Map<String, String> query;
        try {
            query = Responses.query(exchange);
        } catch (Responses.BadRequest e) {
            Responses.error(exchange, 400, e.getMessage());
            return;
        }
        var last = reconciliations.last();
        if (last.isEmpty()) {
            Responses.error(exchange, 404, "no reconciliation has finished yet: POST /api/reconcile first");
            return;
        }
        String tenant = query.getOrDefault("tenant", RegulatorReport.ALL);
        String format = query.getOrDefault("format", "html");
        RegulatorReport report;
        try {
            report = RegulatorReport.of(last.get(), incident, tenant);
        } catch (IllegalArgumentException e) {
            Responses.error(exchange, 404, "tenant must be all or a reconciled tenant");
            return;
        }
        ReportFormat form;
        try {
            form = ReportFormat.of(format);
        } catch (IllegalArgumentException e) {
            Responses.error(exchange, 400, e.getMessage());
            return;
        }
        AuditLog.record(caller, "report", "tenant=" + tenant + " format=" + format);
        if (form == ReportFormat.CSV) {
            exchange.getResponseHeaders().set("Content-Disposition",
                    "attachment; filename=\"resetflow-report-" + tenant + ".csv\"");
        }
        OpsServer.respond(exchange, 200, form.contentType(), form.render(report));
    }
}
