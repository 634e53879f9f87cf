package io.resetflow.tracker.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.resetflow.tracker.query.TrackerQueryService;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * {@code GET /api/mailboxes/{mailboxId}} and {@code POST /api/mailboxes/lookup} with
 * {@code {"address": "..."}} in the body: addresses never appear in URLs (and so in access logs).
 */
final class MailboxHandler implements HttpHandler {

    private static final String PREFIX = "/api/mailboxes/";
    private static final int MAX_BODY = 4096;

    private final TrackerQueryService queries;
    private final Relay relay;

    MailboxHandler(TrackerQueryService queries, Relay relay) {
        this.queries = queries;
        this.relay = relay;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String rest = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : "";
        String method = exchange.getRequestMethod();
        if (rest.equals("lookup") && method.equals("POST")) {
            lookup(exchange);
        } else if (!rest.isEmpty() && !rest.contains("/") && method.equals("GET")) {
            show(exchange, rest);
        } else {
            Responses.error(exchange, 404, "no such resource");
        }
    }

    private void show(HttpExchange exchange, String mailboxId) throws IOException {
        relay.send(exchange, queries.mailbox(mailboxId, Responses.localOnly(exchange)),
                PREFIX + mailboxId + "?scope=local");
    }

    private void lookup(HttpExchange exchange) throws IOException {
        Optional<String> address;
        try (InputStream body = exchange.getRequestBody()) {
            JsonNode request = Responses.JSON.readTree(body.readNBytes(MAX_BODY));
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
        show(exchange, mailboxId.get());
    }
}
