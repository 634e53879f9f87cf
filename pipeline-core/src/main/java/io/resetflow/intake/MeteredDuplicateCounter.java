package io.resetflow.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code resetflow_intake_duplicates_total{tenant}}: repeated mailboxes intake did not pass on.
 * Counted when seen, so a task replayed after a crash may count a duplicate twice; the accepted
 * records themselves stay exactly-once.
 */
public final class MeteredDuplicateCounter implements DuplicateCounter {

    public static final String METER = "resetflow.intake.duplicates";
    public static final String UNKNOWN_BRANDS = "resetflow.intake.unknown.brands";

    private final MeterRegistry registry;
    private final Map<String, Counter> byTenant = new ConcurrentHashMap<>();
    private final Map<String, Counter> byTenantBrand = new ConcurrentHashMap<>();

    public MeteredDuplicateCounter(MeterRegistry registry, Collection<String> tenants) {
        this.registry = registry;
        tenants.forEach(this::counter);
    }

    @Override
    public void duplicate(String tenant) {
        counter(tenant).increment();
    }

    @Override
    public void unknownBrand(String tenant) {
        byTenantBrand.computeIfAbsent(tenant, id -> Counter.builder(UNKNOWN_BRANDS)
                .description("Rows naming a brand the tenant does not have: sent with its default brand")
                .tag("tenant", id)
                .register(registry)).increment();
    }

    private Counter counter(String tenant) {
        return byTenant.computeIfAbsent(tenant, id -> Counter.builder(METER)
                .description("Rows naming a mailbox intake had already accepted")
                .tag("tenant", id)
                .register(registry));
    }
}
