package io.resetflow.tracker.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.resetflow.avro.RemediationState;
import io.resetflow.core.http.Caller;
import java.io.IOException;
import java.util.Map;

/**
 * {@code GET /api/tenants}, {@code /api/tenants/{tenant}/progress/history},
 * {@code /api/tenants/{tenant}/stragglers?state=..&limit=..&after=..} and the instance-to-instance
 * {@code /api/tenants/{tenant}/counters?scope=local}. A tenant's caller sees its own tenant only;
 * another tenant is answered as if it did not exist.
 */
final class TenantsHandler implements HttpHandler {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final TenantQueries tenants;
    private final Relay relay;
    private final java.util.function.Predicate<String> configured;

    TenantsHandler(TenantQueries tenants, Relay relay, java.util.function.Predicate<String> configured) {
        this.tenants = tenants;
        this.relay = relay;
        this.configured = configured;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("GET")) {
            Responses.error(exchange, 405, "GET only");
            return;
        }
        Caller caller = Caller.of(exchange);
        String[] parts = exchange.getRequestURI().getPath().replaceFirst("^/api/tenants/?", "").split("/");
        try {
            if (parts.length == 1 && parts[0].isEmpty()) {
                relay.send(exchange, tenants.tenants(caller), null);
                return;
            }
            String tenant = Responses.tenantId(parts[0]);
            if (!configured.test(tenant) || !caller.mayRead(tenant)) {
                Responses.error(exchange, 404, "no such tenant");
            } else if (parts.length == 3 && parts[1].equals("progress") && parts[2].equals("history")) {
                relay.send(exchange, tenants.history(tenant, caller), null);
            } else if (parts.length == 2 && parts[1].equals("stragglers")) {
                stragglers(exchange, tenant, caller);
            } else if (parts.length == 2 && parts[1].equals("counters")) {
                relay.send(exchange, tenants.counters(tenant, Responses.localOnly(exchange), caller), null);
            } else {
                Responses.error(exchange, 404, "no such resource");
            }
        } catch (Responses.BadRequest e) {
            Responses.error(exchange, 400, e.getMessage());
        } catch (FanOut.PeerUnavailable e) {
            Responses.unavailable(exchange, e.getMessage());
        }
    }

    private void stragglers(HttpExchange exchange, String tenant, Caller caller)
            throws IOException, FanOut.PeerUnavailable {
        Map<String, String> query = Responses.query(exchange);
        RemediationState state;
        int limit;
        try {
            state = RemediationState.valueOf(query.getOrDefault("state", "AFFECTED"));
            limit = Integer.parseInt(query.getOrDefault("limit", "" + DEFAULT_LIMIT));
        } catch (IllegalArgumentException e) {
            Responses.error(exchange, 400, "state must be a RemediationState and limit a number");
            return;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            Responses.error(exchange, 400, "limit must be between 1 and " + MAX_LIMIT);
            return;
        }
        String after = query.get("after") == null ? null : Responses.mailboxId(query.get("after"));
        relay.send(exchange, tenants.stragglers(tenant, state, after, limit, Responses.localOnly(exchange), caller),
                null);
    }
}
