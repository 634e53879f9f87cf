package io.resetflow.tracker.query;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.resetflow.avro.RemediationState;
import io.resetflow.avro.TenantProgress;
import io.resetflow.tracker.query.QueryResult;
import io.resetflow.tracker.query.TrackerQueryService;
import java.util.List;
import java.util.Optional;

/**
 * Per-tenant gauges read from the global progress store at scrape time: mailboxes by state, total and
 * remediated ratio. NaN while the store is not queryable, so a restoring instance reports no false zero.
 */
public final class ProgressGauges {

    private ProgressGauges() {
    }

    public static void bind(MeterRegistry registry, TrackerQueryService queries) {
        for (String tenant : queries.tenants().ids()) {
            for (RemediationState state : RemediationState.values()) {
                Gauge.builder("resetflow.tracker.mailboxes", () -> progress(queries, tenant)
                                .map(p -> (double) p.getCountsByState().getOrDefault(state.name(), 0L)).orElse(Double.NaN))
                        .description("Mailboxes per remediation state").tag("tenant", tenant).tag("state", state.name())
                        .register(registry);
            }
            Gauge.builder("resetflow.tracker.remediated.ratio", () -> progress(queries, tenant)
                            .map(TenantProgress::getRemediatedRatio).orElse(Double.NaN))
                    .description("Share of the tenant's mailboxes remediated").tag("tenant", tenant).register(registry);
            Gauge.builder("resetflow.tracker.mailboxes.total", () -> progress(queries, tenant)
                            .map(p -> (double) p.getTotal()).orElse(Double.NaN))
                    .description("Mailboxes accepted into remediation").tag("tenant", tenant).register(registry);
        }
    }

    private static Optional<TenantProgress> progress(TrackerQueryService queries, String tenant) {
        QueryResult<List<TenantProgress>> all = queries.progress();
        return all instanceof QueryResult.Found<List<TenantProgress>> found
                ? found.value().stream().filter(p -> p.getTenant().equals(tenant)).findFirst()
                : Optional.empty();
    }
}
