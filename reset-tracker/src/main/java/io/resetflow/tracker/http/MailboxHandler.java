package io.resetflow.tracker.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.resetflow.core.http.AuditLog;
import io.resetflow.core.http.Caller;
import io.resetflow.core.http.CallerRateLimits;
import io.resetflow.tracker.query.QueryResult;
import io.resetflow.tracker.query.TrackerQueryService;
import io.resetflow.tracker.query.Views;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * {@code GET /api/mailboxes/{mailboxId}} and {@code POST /api/mailboxes/lookup} with
 * {@code {"address": "..."}} in the body: addresses never appear in URLs (and so in access logs).
 * A tenant's caller sees only its own tenant's mailboxes (another's is "not found"); the lookup, which
 * tells whether an address was breached, is for operations alone, limited per token, and audited by
 * the mailboxId it resolved to.
 */
final class MailboxHandler implements HttpHandler {

    private static final String PREFIX = "/api/mailboxes/";
    private static final int MAX_BODY = 4096;

    private final TrackerQueryService queries;
    private final Relay relay;
    private final CallerRateLimits lookups;

    MailboxHandler(TrackerQueryService queries, Relay relay, CallerRateLimits lookups) {
        this.queries = queries;
        this.relay = relay;
        this.lookups = lookups;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String rest = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : "";
        String method = exchange.getRequestMethod();
        try {
            if (rest.equals("lookup") && method.equals("POST")) {
                lookup(exchange);
            } else if (!rest.isEmpty() && !rest.contains("/") && method.equals("GET")) {
                show(exchange, Responses.mailboxId(rest));
            } else {
                Responses.error(exchange, 404, "no such resource");
            }
        } catch (Responses.BadRequest e) {
            Responses.error(exchange, 400, e.getMessage());
        }
    }

    private void show(HttpExchange exchange, String mailboxId) throws IOException {
        QueryResult<Views.MailboxView> result = queries.mailbox(mailboxId, Responses.localOnly(exchange));
        if (result instanceof QueryResult.Found<Views.MailboxView> found
                && !Caller.of(exchange).mayRead(found.value().tenant())) {
            Responses.error(exchange, 404, "not found");
            return;
        }
        relay.send(exchange, result, PREFIX + mailboxId + "?scope=local");
    }

    private void lookup(HttpExchange exchange) throws IOException {
        Caller caller = Caller.of(exchange);
        if (!caller.isOperations()) {
            Responses.error(exchange, 403, "the address lookup is for the operations role");
            return;
        }
        if (!lookups.tryAcquire(caller)) {
            exchange.getResponseHeaders().set("Retry-After", "60");
            Responses.error(exchange, 429, "too many lookups for this token; try again in a minute");
            return;
        }
        Optional<String> address;
        try (InputStream body = exchange.getRequestBody()) {
            byte[] bytes = body.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                Responses.error(exchange, 413, "body larger than " + MAX_BODY + " bytes");
                return;
            }
            JsonNode request = Responses.JSON.readTree(bytes);
            address = Optional.ofNullable(request == null ? null : request.get("address")).map(JsonNode::asText);
        } catch (IOException e) {
            Responses.error(exchange, 400, "body must be JSON like {\"address\": \"user@example.jp\"}");
            return;
        }
        Optional<String> mailboxId = address.flatMap(queries::mailboxIdOf);
        if (mailboxId.isEmpty()) {
            Responses.error(exchange, 400, "body must carry a valid mailbox address");
            return;
        }
        AuditLog.record(caller, "lookup", "mailboxId=" + mailboxId.get());
        show(exchange, mailboxId.get());
    }
}
