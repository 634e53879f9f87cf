package io.resetflow.notifier.send;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** One connection pool per tenant to the relay, so one tenant's slow or refusing relay holds up no other. */
public final class TenantTransports implements Function<String, MailTransport>, AutoCloseable {

    private final Map<String, MailTransport> byTenant = new HashMap<>();

    public TenantTransports(Collection<String> tenants, SmtpSettings settings) {
        tenants.forEach(tenant -> byTenant.put(tenant, new SmtpMailTransport(settings)));
    }

    @Override
    public MailTransport apply(String tenant) {
        MailTransport transport = byTenant.get(tenant);
        if (transport == null) {
            throw new IllegalArgumentException("no relay for tenant " + tenant);
        }
        return transport;
    }

    @Override
    public void close() {
        byTenant.values().forEach(MailTransport::close);
    }
}
