package io.resetflow.tracker.reconcile;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Every tenant's recount, by tenant id; a tenant appears as soon as any topic names it. */
final class Recount {

    private final Map<String, TenantRecount> tenants = new TreeMap<>();

    Recount(Collection<String> configured) {
        configured.forEach(this::tenant);
    }

    TenantRecount tenant(String tenant) {
        return tenants.computeIfAbsent(tenant, TenantRecount::new);
    }

    Map<String, TenantRecount> tenants() {
        return Collections.unmodifiableMap(tenants);
    }
}
