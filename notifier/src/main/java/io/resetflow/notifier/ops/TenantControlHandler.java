package io.resetflow.notifier.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.resetflow.core.http.AuditLog;
import io.resetflow.core.http.Caller;
import io.resetflow.core.ops.OpsServer;
import io.resetflow.core.tenant.Tenant;
import io.resetflow.core.tenant.Tenants;
import io.resetflow.notifier.pacing.RateLimits;
import io.resetflow.notifier.pacing.RelayHolds;
import io.resetflow.notifier.pacing.TenantSwitches;
import java.io.IOException;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * {@code GET /tenants}: each tenant's state (paused, relay held) and rates, as far as the caller may
 * see; {@code POST /tenants/{id}/pause} and {@code POST /tenants/{id}/resume}: stop and restart a
 * tenant's mails at run time, for the operations role only, each one in the audit log.
 */
public final class TenantControlHandler implements HttpHandler {

    private final Tenants tenants;
    private final TenantSwitches switches;
    private final RateLimits limits;
    private final RelayHolds relays;

    public TenantControlHandler(Tenants tenants, TenantSwitches switches, RateLimits limits, RelayHolds relays) {
        this.tenants = tenants;
        this.switches = switches;
        this.limits = limits;
        this.relays = relays;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        Caller caller = Caller.of(exchange);
        if (path.length == 2 && method.equals("GET")) {
            OpsServer.respond(exchange, 200, "application/json", overview(caller));
            return;
        }
        if (path.length != 4 || !method.equals("POST")) {
            OpsServer.respond(exchange, 405, "application/json", "{\"error\":\"use POST /tenants/{id}/pause|resume\"}");
            return;
        }
        if (tenants.byId(path[2]).isEmpty() || !caller.mayRead(path[2])) {
            OpsServer.respond(exchange, 404, "application/json", "{\"error\":\"unknown tenant\"}");
            return;
        }
        if (!caller.isOperations()) {
            OpsServer.respond(exchange, 403, "application/json", "{\"error\":\"pause and resume are for the operations role\"}");
            return;
        }
        switch (path[3]) {
            case "pause" -> switches.pause(path[2]);
            case "resume" -> switches.resume(path[2]);
            default -> {
                OpsServer.respond(exchange, 404, "application/json", "{\"error\":\"unknown action\"}");
                return;
            }
        }
        AuditLog.record(caller, path[3], "tenant=" + path[2]);
        OpsServer.respond(exchange, 200, "application/json",
                "{\"tenant\":\"" + path[2] + "\",\"paused\":" + switches.isPaused(path[2]) + "}");
    }

    private String overview(Caller caller) {
        StringJoiner json = new StringJoiner(",", "[", "]");
        for (Tenant tenant : tenants.all()) {
            if (!caller.mayRead(tenant.id())) {
                continue;
            }
            json.add(String.format(Locale.ROOT,
                    "{\"tenant\":\"%s\",\"paused\":%s,\"relayHeld\":%s,\"rate\":%.3f,\"limit\":%.3f}",
                    tenant.id(), switches.isPaused(tenant.id()), relays.isHeld(tenant.id()),
                    limits.currentRate(tenant.id()), limits.limit(tenant.id())));
        }
        return json.toString();
    }
}
