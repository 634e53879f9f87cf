package io.resetflow.tracker.http;

import io.resetflow.tracker.reconcile.Reconciliations;
import io.resetflow.tracker.report.Incident;
import io.resetflow.core.http.ApiSecurity;
import io.resetflow.core.ops.OpsServer;
import io.resetflow.tracker.query.TrackerQueryService;
import io.resetflow.tracker.redrive.RedrivePublisher;

/** Mounts the query API on a service's OpsServer: every route authenticated, the sign-in open. */
public final class TrackerApi {

    private TrackerApi() {
    }

    public static void mount(OpsServer server, TrackerQueryService queries, RedrivePublisher redrives,
                             ApiSecurity security, Reconciliations reconciliations, Incident incident) {
        PeerClient peers = new PeerClient(security.peerScheme(), security.peerTls(), security.peerToken());
        Relay relay = new Relay(peers);
        TenantQueries tenants = new TenantQueries(queries, new FanOut(queries, peers));
        server.routePublic("/api/session", security.sessionHandler())
                .route("/api/tenants", new TenantsHandler(tenants, relay, id -> queries.tenants().byId(id).isPresent()))
                .route("/api/mailboxes", new MailboxHandler(queries, relay, security.lookups()))
                .route("/api/report", new ReportHandler(queries, tenants))
                .route("/api/redrives", new RedriveHandler(redrives::publish))
                .route("/api/reconcile", new ReconcileHandler(reconciliations, incident));
    }
}
