package io.resetflow.tracker.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/**
 * {@code /} is the page, {@code /dashboard/...} its styles and scripts. Being mounted at the root, this
 * handler also sees every path no other route took, and answers those with 404.
 */
final class DashboardFiles implements HttpHandler {

    private static final String PREFIX = "/dashboard/";
    /** The page may be framed or restyled by nothing else; it fetches only from this server. */
    private static final String POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "frame-ancestors 'none'";

    private final StaticFiles files;

    DashboardFiles(StaticFiles files) {
        this.files = files;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/") || path.equals("/index.html")) {
            exchange.getResponseHeaders().set("Content-Security-Policy", POLICY);
            files.send(exchange, Dashboard.FILES + "index.html", StaticFiles.REVALIDATE);
        } else if (path.startsWith(PREFIX)) {
            files.send(exchange, Dashboard.FILES + path.substring(PREFIX.length()), StaticFiles.REVALIDATE);
        } else {
            StaticFiles.plain(exchange, 404, "not found");
        }
    }
}
