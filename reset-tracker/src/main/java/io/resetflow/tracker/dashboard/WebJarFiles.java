package io.resetflow.tracker.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import org.webjars.WebJarVersionLocator;

/**
 * {@code /webjars/{library}/{file}} from the library's WebJar on the classpath. The page names no
 * version; the locator finds the one the build bundled, so upgrading a library is a pom change alone.
 */
final class WebJarFiles implements HttpHandler {

    private static final String PREFIX = "/webjars/";
    /** Version-less URLs: cache for a day, long enough for a wall screen, short enough for an upgrade. */
    private static final String CACHE = "public, max-age=86400";

    private final StaticFiles files;
    private final WebJarVersionLocator locator = new WebJarVersionLocator();

    WebJarFiles(StaticFiles files) {
        this.files = files;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String rest = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : "";
        int slash = rest.indexOf('/');
        String fullPath = slash <= 0 || !StaticFiles.isSafe(rest) ? null
                : locator.fullPath(rest.substring(0, slash), rest.substring(slash + 1));
        if (fullPath == null) {
            StaticFiles.plain(exchange, 404, "not found");
            return;
        }
        files.send(exchange, fullPath, CACHE);
    }
}
