package io.resetflow.tracker.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.resetflow.avro.RemediationState;
import java.io.IOException;
import java.util.Map;

/**
 * {@code GET /api/tenants}, {@code /api/tenants/{tenant}/progress/history},
 * {@code /api/tenants/{tenant}/stragglers?state=..&limit=..&after=..} and the instance-to-instance
 * {@code /api/tenants/{tenant}/counters?scope=local}.
 */
final class TenantsHandler implements HttpHandler {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final TenantQueries tenants;
    private final Relay relay;

    TenantsHandler(TenantQueries tenants, Relay relay) {
        this.tenants = tenants;
        this.relay = relay;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("GET")) {
            Responses.error(exchange, 405, "GET only");
            return;
        }
        String[] parts = exchange.getRequestURI().getPath().replaceFirst("^/api/tenants/?", "").split("/");
        try {
            if (parts.length == 1 && parts[0].isEmpty()) {
                relay.send(exchange, tenants.tenants(), null);
            } else if (parts.length == 3 && parts[1].equals("progress") && parts[2].equals("history")) {
                relay.send(exchange, tenants.history(parts[0]), null);
            } else if (parts.length == 2 && parts[1].equals("stragglers")) {
                stragglers(exchange, parts[0]);
            } else if (parts.length == 2 && parts[1].equals("counters")) {
                relay.send(exchange, tenants.counters(parts[0], Responses.localOnly(exchange)), null);
            } else {
                Responses.error(exchange, 404, "no such resource");
            }
        } catch (FanOut.PeerUnavailable e) {
            Responses.unavailable(exchange, e.getMessage());
        }
    }

    private void stragglers(HttpExchange exchange, String tenant) throws IOException, FanOut.PeerUnavailable {
        Map<String, String> query = Responses.query(exchange);
        RemediationState state;
        int limit;
        try {
            state = RemediationState.valueOf(query.getOrDefault("state", "AFFECTED"));
            limit = Math.min(MAX_LIMIT, Math.max(1, Integer.parseInt(query.getOrDefault("limit", "" + DEFAULT_LIMIT))));
        } catch (IllegalArgumentException e) {
            Responses.error(exchange, 400, "state must be a RemediationState and limit a number");
            return;
        }
        relay.send(exchange, tenants.stragglers(tenant, state, query.get("after"), limit, Responses.localOnly(exchange)),
                null);
    }
}
