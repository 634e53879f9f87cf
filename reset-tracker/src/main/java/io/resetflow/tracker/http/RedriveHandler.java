package io.resetflow.tracker.http;

import io.resetflow.core.http.AuditLog;
import io.resetflow.core.http.Caller;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.resetflow.avro.RedriveRequest;
import io.resetflow.avro.StateReason;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/redrives} with {@code {"tenant": "...", "reasons": ["DELIVERY_FAILED", ...],
 * "requestedBy": "..."}}: after a tenant's relay was fixed, its undeliverable mailboxes get their
 * last notice again. Answers 202 with the request id; the tracker's tasks carry it out.
 */
final class RedriveHandler implements HttpHandler {

    private static final int MAX_BODY_BYTES = 4_096;

    /** Publishes a re-drive; {@link io.resetflow.tracker.redrive.RedrivePublisher} in the service. */
    @FunctionalInterface
    interface Redrives {
        RedriveRequest publish(String tenant, List<StateReason> reasons, String requestedBy, Instant now);
    }

    private final Redrives redrives;

    RedriveHandler(Redrives redrives) {
        this.redrives = redrives;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            Responses.error(exchange, 405, "POST only");
            return;
        }
        Caller caller = Caller.of(exchange);
        if (!caller.isOperations()) {
            Responses.error(exchange, 403, "a re-drive is for the operations role");
            return;
        }
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                Responses.error(exchange, 413, "body larger than " + MAX_BODY_BYTES + " bytes");
                return;
            }
            body = Responses.JSON.readTree(bytes);
        } catch (IOException e) {
            Responses.error(exchange, 400, "body must be JSON: {\"tenant\": ..., \"reasons\": [...], \"requestedBy\": ...}");
            return;
        }
        String tenant = body == null ? "" : body.path("tenant").asText("");
        String by = body == null ? caller.name() : body.path("requestedBy").asText(caller.name());
        List<StateReason> reasons = new ArrayList<>();
        try {
            if (body != null) {
                body.path("reasons").forEach(reason -> reasons.add(StateReason.valueOf(reason.asText())));
            }
        } catch (IllegalArgumentException e) {
            Responses.error(exchange, 400, "reasons must be StateReason names such as DELIVERY_FAILED or BOUNCED");
            return;
        }
        if (tenant.isBlank() || by.isBlank()) {
            Responses.error(exchange, 400, "tenant and requestedBy are required");
            return;
        }
        RedriveRequest request;
        try {
            request = redrives.publish(tenant, reasons, by, Instant.now());
        } catch (IllegalArgumentException e) {
            Responses.error(exchange, 404, "no such tenant");
            return;
        }
        AuditLog.record(caller, "redrive", "request=" + request.getRequestId() + " tenant=" + tenant + " reasons="
                + request.getReasons() + " requestedBy=" + by);
        Responses.json(exchange, 202, Map.of("requestId", request.getRequestId(), "tenant", tenant,
                "reasons", request.getReasons().stream().map(Enum::name).toList()));
    }
}
