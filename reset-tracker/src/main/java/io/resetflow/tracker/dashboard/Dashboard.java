package io.resetflow.tracker.dashboard;

import io.resetflow.core.ops.OpsServer;

/**
 * Mounts the operations dashboard: the page at {@code /}, its own files under {@code /dashboard/} and the
 * front-end libraries it uses under {@code /webjars/}, all from the classpath (no CDN, no build step).
 * The page reads the same query API as everyone else.
 */
public final class Dashboard {

    /** Classpath folder of the page's own files. */
    static final String FILES = "dashboard/";

    private Dashboard() {
    }

    public static void mount(OpsServer server) {
        StaticFiles files = new StaticFiles(Dashboard.class.getClassLoader());
        // The page and its scripts hold no data: they load for anyone, then sign in to read the API.
        server.routePublic("/", new DashboardFiles(files))
                .routePublic("/webjars/", new WebJarFiles(files));
    }
}
