package io.resetflow.tracker.http;

import io.resetflow.avro.RemediationState;
import io.resetflow.avro.TenantProgress;
import io.resetflow.core.http.Caller;
import io.resetflow.core.tenant.Tenant;
import io.resetflow.tracker.query.CounterViews;
import io.resetflow.tracker.query.QueryResult;
import io.resetflow.tracker.query.TrackerQueryService;
import io.resetflow.tracker.query.Views;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** Tenant-wide answers that combine this instance's share with the other instances' shares. */
final class TenantQueries {

    private final TrackerQueryService queries;
    private final FanOut fanOut;

    TenantQueries(TrackerQueryService queries, FanOut fanOut) {
        this.queries = queries;
        this.fanOut = fanOut;
    }

    QueryResult<Views.HistoryView> history(String tenant, Caller caller) throws FanOut.PeerUnavailable {
        QueryResult<Views.HistoryView> result = queries.history(tenant, false);
        if (result instanceof QueryResult.OnAnotherInstance<Views.HistoryView> remote) {
            return new QueryResult.Found<>(fanOut.single(remote.host(), historyPath(tenant) + "?scope=local",
                    Views.HistoryView.class, caller));
        }
        return result;
    }

    /** The tenants the caller may see. */
    QueryResult<List<Views.TenantView>> tenants(Caller caller) throws FanOut.PeerUnavailable {
        QueryResult<List<TenantProgress>> progress = queries.progress();
        if (!(progress instanceof QueryResult.Found<List<TenantProgress>> found)) {
            return new QueryResult.Unavailable<>("progress store not ready");
        }
        List<Views.TenantView> views = new ArrayList<>();
        for (TenantProgress p : found.value()) {
            if (!caller.mayRead(p.getTenant())) {
                continue;
            }
            String estimate = history(p.getTenant(), caller) instanceof QueryResult.Found<Views.HistoryView> h
                    ? h.value().estimatedCompletion() : null;
            Map<String, Long> byState = new TreeMap<>(p.getCountsByState());
            Map<String, Long> counters = counters(p.getTenant(), false, caller) instanceof QueryResult.Found<Views.CountersView> c
                    ? c.value().counters() : Map.of();
            Optional<Tenant> configured = queries.tenants().byId(p.getTenant());
            views.add(new Views.TenantView(p.getTenant(), configured.map(Tenant::name).orElse(p.getTenant()),
                    configured.map(Tenant::nameJa).orElse(null), byState, p.getTotal(), p.getRemediated(),
                    p.getRemediatedRatio(), p.getAsOf().toString(), estimate, CounterViews.deliveries(counters),
                    CounterViews.funnel(counters, byState), CounterViews.remindersDue(counters)));
        }
        return new QueryResult.Found<>(views);
    }

    QueryResult<Views.StragglerPage> stragglers(String tenant, RemediationState state, String after, int limit,
                                                boolean localOnly, Caller caller) throws FanOut.PeerUnavailable {
        QueryResult<Views.StragglerPage> local = queries.localStragglers(tenant, state, after, limit);
        if (localOnly || !(local instanceof QueryResult.Found<Views.StragglerPage> found)) {
            return local;
        }
        TreeSet<String> ids = new TreeSet<>(found.value().mailboxIds());
        Map<String, Views.StragglerRow> rows = new HashMap<>();
        found.value().rows().forEach(row -> rows.put(row.mailboxId(), row));
        boolean more = found.value().next() != null;
        String path = "/api/tenants/" + tenant + "/stragglers?scope=local&state=" + state + "&limit=" + limit
                + (after == null ? "" : "&after=" + after);
        for (Views.StragglerPage page : fanOut.fromPeers(path, Views.StragglerPage.class, caller)) {
            ids.addAll(page.mailboxIds());
            page.rows().forEach(row -> rows.put(row.mailboxId(), row));
            more |= page.next() != null;
        }
        // Each instance sent its first `limit` ids after the cursor, so the first `limit` of the union are exact.
        List<String> sorted = new ArrayList<>(ids);
        List<String> pageIds = sorted.subList(0, Math.min(limit, sorted.size()));
        String next = (more || sorted.size() > limit) && !pageIds.isEmpty() ? pageIds.get(pageIds.size() - 1) : null;
        List<Views.StragglerRow> pageRows = pageIds.stream().map(rows::get).filter(Objects::nonNull).toList();
        return new QueryResult.Found<>(new Views.StragglerPage(tenant, state.name(), List.copyOf(pageIds), next,
                pageRows));
    }

    QueryResult<Views.CountersView> counters(String tenant, boolean localOnly, Caller caller)
            throws FanOut.PeerUnavailable {
        QueryResult<Views.CountersView> local = queries.localCounters(tenant);
        if (localOnly || !(local instanceof QueryResult.Found<Views.CountersView> found)) {
            return local;
        }
        Map<String, Long> sums = new TreeMap<>(found.value().counters());
        for (Views.CountersView peer : fanOut.fromPeers("/api/tenants/" + tenant + "/counters?scope=local",
                Views.CountersView.class, caller)) {
            peer.counters().forEach((key, value) -> sums.merge(key, value, Long::sum));
        }
        return new QueryResult.Found<>(new Views.CountersView(tenant, sums));
    }

    static String historyPath(String tenant) {
        return "/api/tenants/" + tenant + "/progress/history";
    }
}
