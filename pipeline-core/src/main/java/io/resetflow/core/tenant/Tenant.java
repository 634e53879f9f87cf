package io.resetflow.core.tenant;

import java.util.List;

/** One ISP served by the breached platform, as configured. */
public record Tenant(String id, String name, String nameJa, List<String> brands, List<String> domains,
                     double share, TenantMail mail, RemediationPolicy policy) {

    public Tenant {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("tenant id must be lower-case letters, digits and '-': " + id);
        }
        brands = List.copyOf(brands == null ? List.of() : brands);
        domains = domains == null ? List.of() : domains.stream().map(d -> d.trim().toLowerCase()).toList();
    }

    /** The brand named in mails when a mailbox has none: the first configured. */
    public String defaultBrand() {
        return brands.isEmpty() ? name : brands.get(0);
    }
}
