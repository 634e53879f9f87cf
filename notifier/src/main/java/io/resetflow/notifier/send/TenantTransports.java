package io.resetflow.notifier.send;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One connection pool per tenant, to that tenant's relay, so one tenant's slow or refusing relay
 * holds up no other.
 */
public final class TenantTransports implements Function<String, MailTransport>, AutoCloseable {

    private final Map<String, MailTransport> byTenant = new HashMap<>();
    private final int connections;

    public TenantTransports(Map<String, SmtpSettings> relays) {
        relays.forEach((tenant, relay) -> byTenant.put(tenant, new SmtpMailTransport(relay)));
        this.connections = relays.values().stream().mapToInt(SmtpSettings::connections).sum();
    }

    /** The connections of all pools together: at most that many mails are on the wire at once. */
    public int connections() {
        return connections;
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
