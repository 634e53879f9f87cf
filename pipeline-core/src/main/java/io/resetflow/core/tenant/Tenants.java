package io.resetflow.core.tenant;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured tenants, looked up by id or by mail domain. */
public final class Tenants {

    private final Map<String, Tenant> byId = new LinkedHashMap<>();
    private final Map<String, Tenant> byDomain = new LinkedHashMap<>();

    public Tenants(List<Tenant> tenants) {
        if (tenants.isEmpty()) {
            throw new IllegalArgumentException("no tenants configured");
        }
        for (Tenant tenant : tenants) {
            if (byId.put(tenant.id(), tenant) != null) {
                throw new IllegalArgumentException("tenant " + tenant.id() + " is configured twice");
            }
            for (String domain : tenant.domains()) {
                Tenant previous = byDomain.put(domain, tenant);
                if (previous != null) {
                    throw new IllegalArgumentException("domain " + domain + " belongs to both " + previous.id()
                            + " and " + tenant.id());
                }
            }
        }
    }

    public Collection<Tenant> all() {
        return byId.values();
    }

    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    public Optional<Tenant> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public Tenant require(String id) {
        return byId(id).orElseThrow(() -> new IllegalArgumentException("unknown tenant: " + id));
    }

    /** The tenant owning the domain, or a parent domain of it (mail.example.jp -> example.jp). */
    public Optional<Tenant> byDomain(String domain) {
        String candidate = domain.toLowerCase();
        while (true) {
            Tenant tenant = byDomain.get(candidate);
            if (tenant != null) {
                return Optional.of(tenant);
            }
            int dot = candidate.indexOf('.');
            if (dot < 0 || candidate.indexOf('.', dot + 1) < 0) {
                return Optional.empty();
            }
            candidate = candidate.substring(dot + 1);
        }
    }
}
