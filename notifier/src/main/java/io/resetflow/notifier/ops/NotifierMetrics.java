package io.resetflow.notifier.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.resetflow.avro.DeliveryStatus;
import io.resetflow.avro.NoticeKind;
import io.resetflow.core.tenant.Tenant;
import io.resetflow.notifier.pacing.SendGate;
import io.resetflow.notifier.pacing.RateLimits;
import io.resetflow.notifier.pacing.RelayHolds;
import io.resetflow.notifier.pacing.TenantSwitches;
import java.time.Duration;
import java.util.Collection;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/** The notifier's meters; tags name tenants and kinds, never an address or a mailbox. */
public final class NotifierMetrics {

    private final MeterRegistry registry;

    public NotifierMetrics(MeterRegistry registry, Collection<Tenant> tenants, RateLimits limits, TenantSwitches switches) {
        this.registry = registry;
        for (Tenant tenant : tenants) {
            String id = tenant.id();
            Gauge.builder("resetflow.notifier.rate.current", limits, l -> l.currentRate(id)).tag("tenant", id)
                    .description("Mails per second the tenant is paced at now").register(registry);
            Gauge.builder("resetflow.notifier.rate.limit", limits, l -> l.limit(id)).tag("tenant", id)
                    .description("Configured mails per second of the tenant").register(registry);
            Gauge.builder("resetflow.notifier.tenant.paused", switches, s -> s.isPaused(id) ? 1 : 0).tag("tenant", id)
                    .description("1 while an operator has paused the tenant").register(registry);
        }
        Gauge.builder("resetflow.notifier.rate.global.limit", limits, RateLimits::globalLimit).register(registry);
    }

    /** 1 while the tenant is in its quiet hours: a backlog then is expected, and released in the morning. */
    public void quietHoursGauges(Collection<Tenant> tenants, SendGate gate) {
        for (Tenant tenant : tenants) {
            Gauge.builder("resetflow.notifier.quiet.hours", gate, g -> g.isQuiet(tenant) ? 1 : 0)
                    .tag("tenant", tenant.id()).description("1 while the tenant is in its quiet hours")
                    .register(registry);
        }
    }

    /** Per tenant: {@code sum(resetflow_notifier_pending)} is what the notifier holds in memory in all. */
    public void pendingGauge(String tenant, IntSupplier pending) {
        // The supplier form keeps a strong reference: the lambda has no other owner, and a weakly held
        // one would be collected and the gauge turn NaN.
        Gauge.builder("resetflow.notifier.pending", () -> pending.getAsInt()).tag("tenant", tenant)
                .description("Requests read and not yet finished (waiting, paced, retrying, sending), per tenant window")
                .register(registry);
    }

    /** 1 while the tenant's request partitions are paused for this cause (paused, quiet_hours, relay, window). */
    public void heldGauge(String tenant, String cause, BooleanSupplier held) {
        Gauge.builder("resetflow.notifier.held", () -> held.getAsBoolean() ? 1 : 0).tag("tenant", tenant).tag("cause", cause)
                .description("1 while the tenant's requests are not read, by cause").register(registry);
    }

    /** 1 while the tenant's relay is held: it rejected the sender, policy or login, or many recipients, or is down. */
    public void relayHeldGauges(Collection<Tenant> tenants, RelayHolds relays) {
        for (Tenant tenant : tenants) {
            String id = tenant.id();
            Gauge.builder("resetflow.notifier.relay.held", relays, r -> r.isHeld(id) ? 1 : 0).tag("tenant", id)
                    .description("1 while the tenant's relay is held and its mail waits").register(registry);
        }
    }

    public void relayHeld(String tenant, RelayHolds.Reason reason) {
        Counter.builder("resetflow.notifier.relay.holds").tag("tenant", tenant)
                .tag("reason", reason.name().toLowerCase(java.util.Locale.ROOT))
                .description("Times a tenant's relay became held").register(registry).increment();
    }

    public void outcome(String tenant, NoticeKind kind, DeliveryStatus status) {
        Counter.builder("resetflow.notifier.outcomes").tag("tenant", tenant).tag("kind", kind.name()).tag("status", status.name())
                .description("Delivery outcomes published").register(registry).increment();
    }

    public void duplicateSkipped(String tenant) {
        Counter.builder("resetflow.notifier.duplicates.skipped").tag("tenant", tenant)
                .description("Requests not sent because their notification id already has a final outcome")
                .register(registry).increment();
    }

    /** A request whose recipients were not its mailbox's own (forged or corrupted): refused, never sent. */
    public void recipientRefused(String tenant) {
        Counter.builder("resetflow.notifier.recipients.refused")
                .description("Requests refused because their recipient is not the mailbox's or its sealed contact")
                .tag("tenant", tenant).register(registry).increment();
    }

    public void deadLettered() {
        Counter.builder("resetflow.notifier.dead.letters").description("Unreadable requests sent to the dead-letter topic")
                .register(registry).increment();
    }

    public void smtpLatency(String tenant, Duration took) {
        Timer.builder("resetflow.notifier.smtp.latency").tag("tenant", tenant).publishPercentileHistogram()
                .description("Time of one SMTP transaction (including connecting when needed)")
                .register(registry).record(took);
    }
}
