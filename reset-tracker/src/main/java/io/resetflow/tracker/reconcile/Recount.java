package io.resetflow.tracker.reconcile;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Every tenant's recount, by tenant id; a tenant appears as soon as any topic names it. */
final class Recount {

    private final Map<String, TenantRecount> tenants = new TreeMap<>();
    private final Map<String, TenantTimeline> timelines = new TreeMap<>();

    Recount(Collection<String> configured) {
        configured.forEach(this::tenant);
    }

    TenantRecount tenant(String tenant) {
        return tenants.computeIfAbsent(tenant, TenantRecount::new);
    }

    TenantTimeline timeline(String tenant) {
        tenant(tenant);
        return timelines.computeIfAbsent(tenant, t -> new TenantTimeline());
    }

    /** Every tenant's timeline, one for each tenant of {@link #tenants()}. */
    Map<String, TenantTimeline> timelines() {
        tenants.keySet().forEach(this::timeline);
        return Collections.unmodifiableMap(timelines);
    }

    Map<String, TenantRecount> tenants() {
        return Collections.unmodifiableMap(tenants);
    }
}
