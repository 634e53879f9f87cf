package io.resetflow.core.tenant;

import java.util.List;

/** How notices go out in the tenant's name. */
public record TenantMail(String from, String replyTo, String supportDesk, List<String> portalHosts) {

    public TenantMail {
        portalHosts = List.copyOf(portalHosts == null ? List.of() : portalHosts);
    }
}
