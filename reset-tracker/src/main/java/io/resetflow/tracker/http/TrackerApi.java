package io.resetflow.tracker.http;

import io.resetflow.core.ops.OpsServer;
import io.resetflow.tracker.query.TrackerQueryService;
import io.resetflow.tracker.redrive.RedrivePublisher;

/** Mounts the query API on a service's OpsServer. */
public final class TrackerApi {

    private TrackerApi() {
    }

    /** With the re-drive endpoint, which publishes through {@code redrives}. */
    public static void mount(OpsServer server, TrackerQueryService queries, RedrivePublisher redrives) {
        mount(server, queries);
        server.route("/api/redrives", new RedriveHandler(redrives::publish));
    }

    public static void mount(OpsServer server, TrackerQueryService queries) {
        PeerClient peers = new PeerClient();
        Relay relay = new Relay(peers);
        TenantQueries tenants = new TenantQueries(queries, new FanOut(queries, peers));
        server.route("/api/tenants", new TenantsHandler(tenants, relay))
                .route("/api/mailboxes", new MailboxHandler(queries, relay))
                .route("/api/report", new ReportHandler(queries, tenants));
    }
}
