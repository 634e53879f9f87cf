package io.resetflow.core.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import io.resetflow.core.ops.OpsServer;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates every request of the contexts it guards: an API token as {@code Authorization:
 * Bearer}, or the dashboard's session cookie, which must come with the session's CSRF token on any
 * state-changing request (a bearer token is never sent by a browser on its own, so it needs none).
 * Another instance forwarding a question authenticates with the service token and names the caller
 * it asks for; it then gets exactly that caller's rights. A guarded context answers 401 without a
 * valid credential; an open one ({@code /health}, {@code /metrics} when configured) lets anyone in.
 */
public final class AccessFilter extends Filter {

    public static final String SESSION_COOKIE = "rf_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String ON_BEHALF_HEADER = "X-ResetFlow-Caller";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final ApiTokens tokens;
    private final Sessions sessions;
    private final boolean required;

    AccessFilter(ApiTokens tokens, Sessions sessions, boolean required) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.required = required;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Optional<Caller> caller;
        if (authorization != null) {
            caller = authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? tokens.authenticate(authorization.substring(7).strip()) : Optional.empty();
            if (caller.isEmpty()) {
                unauthorized(exchange, "the API token is not valid");
                return;
            }
            Optional<Caller> effective = onBehalfOf(exchange, caller.get());
            if (effective.isEmpty()) {
                unauthorized(exchange, "a service token must name the caller it asks for");
                return;
            }
            caller = effective;
        } else {
            Optional<Sessions.Session> session = sessions.find(cookie(exchange, SESSION_COOKIE));
            if (session.isPresent() && !SAFE_METHODS.contains(exchange.getRequestMethod().toUpperCase(Locale.ROOT))
                    && !session.get().csrfMatches(exchange.getRequestHeaders().getFirst(CSRF_HEADER))) {
                OpsServer.respond(exchange, 403, "application/json; charset=utf-8",
                        "{\"error\":\"missing or wrong " + CSRF_HEADER + " header\"}");
                return;
            }
            caller = session.map(Sessions.Session::caller);
        }
        if (caller.isEmpty() && required) {
            unauthorized(exchange, "sign in: an API token (Authorization: Bearer) or a dashboard session is required");
            return;
        }
        caller.ifPresent(known -> exchange.setAttribute(Caller.ATTRIBUTE, known));
        chain.doFilter(exchange);
    }

    /** A service token acts for the caller the forwarding instance names; any other token for itself. */
    private static Optional<Caller> onBehalfOf(HttpExchange exchange, Caller authenticated) {
        if (authenticated.role() != ApiRole.SERVICE) {
            return Optional.of(authenticated);
        }
        String named = exchange.getRequestHeaders().getFirst(ON_BEHALF_HEADER);
        if (named == null) {
            return Optional.empty();
        }
        String[] parts = named.strip().split(" ");
        try {
            Caller forwarded = parts.length == 2 ? Caller.parse(parts[0], parts[1]) : null;
            return forwarded == null || forwarded.role() == ApiRole.SERVICE ? Optional.empty() : Optional.of(forwarded);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static String cookie(HttpExchange exchange, String name) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).strip().equals(name)) {
                    return pair.substring(eq + 1).strip();
                }
            }
        }
        return null;
    }

    private static void unauthorized(HttpExchange exchange, String message) throws IOException {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"resetflow\"");
        OpsServer.respond(exchange, 401, "application/json; charset=utf-8", "{\"error\":\"" + message + "\"}");
    }

    @Override
    public String description() {
        return required ? "ResetFlow API authentication" : "ResetFlow optional authentication";
    }
}
