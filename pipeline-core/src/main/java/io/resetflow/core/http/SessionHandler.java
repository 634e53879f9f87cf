package io.resetflow.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.resetflow.core.ops.OpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/session}, the dashboard's sign-in: {@code POST {"token": "..."}} exchanges an API
 * token for a session cookie (HttpOnly, SameSite=Strict, Secure under TLS) and answers the session's
 * CSRF token; {@code GET} says who is signed in (again with the CSRF token, for a reloaded page);
 * {@code DELETE} signs out.
 */
final class SessionHandler implements HttpHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 1024;
    private static final String JSON_TYPE = "application/json; charset=utf-8";

    private final ApiTokens tokens;
    private final Sessions sessions;
    private final boolean secureCookie;

    SessionHandler(ApiTokens tokens, Sessions sessions, boolean secureCookie) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.secureCookie = secureCookie;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        switch (exchange.getRequestMethod()) {
            case "POST" -> signIn(exchange);
            case "GET" -> current(exchange);
            case "DELETE" -> signOut(exchange);
            default -> OpsServer.respond(exchange, 405, JSON_TYPE, "{\"error\":\"GET, POST or DELETE\"}");
        }
    }

    private void signIn(HttpExchange exchange) throws IOException {
        String token;
        try (InputStream body = exchange.getRequestBody()) {
            byte[] bytes = body.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                OpsServer.respond(exchange, 413, JSON_TYPE, "{\"error\":\"body larger than " + MAX_BODY + " bytes\"}");
                return;
            }
            JsonNode request = JSON.readTree(bytes);
            token = request == null ? "" : request.path("token").asText("");
        } catch (IOException e) {
            OpsServer.respond(exchange, 400, JSON_TYPE, "{\"error\":\"body must be JSON like {\\\"token\\\": \\\"...\\\"}\"}");
            return;
        }
        Optional<Caller> caller = tokens.authenticate(token).filter(c -> c.role() != ApiRole.SERVICE);
        if (caller.isEmpty()) {
            OpsServer.respond(exchange, 401, JSON_TYPE, "{\"error\":\"the API token is not valid\"}");
            return;
        }
        Sessions.Session session = sessions.create(caller.get());
        exchange.getResponseHeaders().add("Set-Cookie", AccessFilter.SESSION_COOKIE + "=" + session.id()
                + "; Path=/; HttpOnly; SameSite=Strict" + (secureCookie ? "; Secure" : ""));
        AuditLog.record(caller.get(), "sign-in", "");
        OpsServer.respond(exchange, 200, JSON_TYPE, JSON.writeValueAsString(describe(session)));
    }

    private void current(HttpExchange exchange) throws IOException {
        Optional<Sessions.Session> session = sessions.find(AccessFilter.cookie(exchange, AccessFilter.SESSION_COOKIE));
        if (session.isEmpty()) {
            OpsServer.respond(exchange, 401, JSON_TYPE, "{\"error\":\"not signed in\"}");
            return;
        }
        OpsServer.respond(exchange, 200, JSON_TYPE, JSON.writeValueAsString(describe(session.get())));
    }

    private void signOut(HttpExchange exchange) throws IOException {
        String id = AccessFilter.cookie(exchange, AccessFilter.SESSION_COOKIE);
        Optional<Sessions.Session> session = sessions.find(id);
        if (session.isPresent() && !session.get().csrfMatches(exchange.getRequestHeaders().getFirst(AccessFilter.CSRF_HEADER))) {
            OpsServer.respond(exchange, 403, JSON_TYPE, "{\"error\":\"missing or wrong " + AccessFilter.CSRF_HEADER
                    + " header\"}");
            return;
        }
        session.ifPresent(s -> sessions.end(s.id()));
        exchange.getResponseHeaders().add("Set-Cookie", AccessFilter.SESSION_COOKIE
                + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secureCookie ? "; Secure" : ""));
        OpsServer.respond(exchange, 204, JSON_TYPE, "");
    }

    private static Map<String, Object> describe(Sessions.Session session) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", session.caller().name());
        view.put("role", session.caller().role().name().toLowerCase(java.util.Locale.ROOT));
        view.put("tenant", session.caller().tenant().orElse(null));
        view.put("csrfToken", session.csrfToken());
        return view;
    }
}
