package io.resetflow.tracker.dashboard;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** Sends classpath files with their content type and a caching policy; GET and HEAD only. */
final class StaticFiles {

    /** Files whose URL changes with their content (versioned libraries) may be kept for a year. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** Files whose URL stays the same across releases are revalidated on every load. */
    static final String REVALIDATE = "no-cache";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("map", "application/json; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    private final ClassLoader classLoader;

    StaticFiles(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /** Only plain relative paths: no parent steps, no absolute or empty segments, no backslashes. */
    static boolean isSafe(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("//")) {
            return false;
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                return false;
            }
        }
        return true;
    }

    static Optional<String> contentType(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : Optional.ofNullable(TYPES.get(path.substring(dot + 1)));
    }

    /** Sends the resource, or 404 when it is missing, unsafe or of a type not served. */
    void send(HttpExchange exchange, String resource, String cacheControl) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            plain(exchange, 405, "GET or HEAD only");
            return;
        }
        Optional<String> type = contentType(resource);
        InputStream in = isSafe(resource) && type.isPresent() ? classLoader.getResourceAsStream(resource) : null;
        if (in == null) {
            plain(exchange, 404, "not found");
            return;
        }
        try (in) {
            byte[] body = in.readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", type.get());
            exchange.getResponseHeaders().set("Cache-Control", cacheControl);
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            if (method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static void plain(HttpExchange exchange, int status, String message) throws IOException {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
