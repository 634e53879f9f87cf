package io.resetflow.tracker.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import io.resetflow.core.ops.OpsServer;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON in and out for the API handlers. */
final class Responses {

    static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    static final String JSON_TYPE = "application/json; charset=utf-8";
    /** Seconds a client should wait before asking again while stores restore. */
    static final String RETRY_AFTER_SECONDS = "2";

    private Responses() {
    }

    static void json(HttpExchange exchange, int status, Object body) throws IOException {
        OpsServer.respond(exchange, status, JSON_TYPE, JSON.writeValueAsString(body));
    }

    static void error(HttpExchange exchange, int status, String message) throws IOException {
        json(exchange, status, Map.of("error", message));
    }

    static void unavailable(HttpExchange exchange, String reason) throws IOException {
        exchange.getResponseHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
        error(exchange, 503, "not queryable yet: " + reason);
    }

    /** A request that cannot be answered as asked: 400 with the message. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }

    private static final java.util.regex.Pattern MAILBOX_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final java.util.regex.Pattern TENANT_ID = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /** A mailboxId as intake makes them (43 base64url characters), or 400: nothing else reaches a store or a peer. */
    static String mailboxId(String candidate) {
        if (candidate == null || !MAILBOX_ID.matcher(candidate).matches()) {
            throw new BadRequest("not a mailboxId (43 characters A-Z a-z 0-9 _ -)");
        }
        return candidate;
    }

    static String tenantId(String candidate) {
        if (candidate == null || !TENANT_ID.matcher(candidate).matches()) {
            throw new BadRequest("not a tenant id (lower-case letters, digits and -)");
        }
        return candidate;
    }

    /** The query parameters, decoded; 400 when an escape does not decode. */
    static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.put(key, value);
            } catch (IllegalArgumentException e) {
                throw new BadRequest("the query string is not valid percent-encoding");
            }
        }
        return params;
    }

    static boolean localOnly(HttpExchange exchange) {
        return "local".equals(query(exchange).get("scope"));
    }
}
