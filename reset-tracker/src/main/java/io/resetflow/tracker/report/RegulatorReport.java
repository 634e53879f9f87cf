package io.resetflow.tracker.report;

import io.resetflow.avro.RemediationState;
import io.resetflow.tracker.reconcile.ReconcileResult;
import io.resetflow.tracker.reconcile.TenantRecount;
import io.resetflow.tracker.reconcile.TenantTimeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report owed to the regulator and to each ISP, built from one reconciliation: its figures are
 * the reconciliation's recount (not the tracker's counters), one section per ISP and, for
 * {@code --tenant all}, one over every ISP. Final only when every mailbox is remediated or escalated
 * and the reconciliation is clean; interim (as of the instant reconciled to) otherwise.
 */
public record RegulatorReport(Kind kind, Instant asOf, Instant campaignTime, boolean reconcileClean,
                              long mismatchCount, Incident incident, ReconcileResult reconciled,
                              List<Section> sections) {

    public enum Kind { INTERIM, FINAL }

    /** One ISP's figures, or every ISP's together ({@code tenant} "all"). */
    public record Section(String tenant, String name, String nameJa, TenantRecount figures, TenantTimeline timeline) {

        public long open() {
            return figures.tracked() - figures.remediated() - figures.state(RemediationState.ESCALATED);
        }
    }

    public static final String ALL = "all";

    public static RegulatorReport of(ReconcileResult reconciled, Incident incident, String scope) {
        List<Section> sections = new ArrayList<>();
        Map<String, TenantRecount> tenants = reconciled.tenants();
        for (Map.Entry<String, TenantRecount> entry : tenants.entrySet()) {
            if (!scope.equals(ALL) && !scope.equals(entry.getKey())) {
                continue;
            }
            var tenant = incident.tenants().byId(entry.getKey());
            sections.add(new Section(entry.getKey(), tenant.map(t -> t.name()).orElse(entry.getKey()),
                    tenant.map(t -> t.nameJa()).orElse(null), entry.getValue(),
                    reconciled.timelines().get(entry.getKey())));
        }
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("no tenant '" + scope + "' in the reconciliation");
        }
        if (scope.equals(ALL)) {
            sections.add(new Section(ALL, "All ISPs", "全ISP", TenantRecount.sum(ALL, tenants.values()),
                    TenantTimeline.sum(reconciled.timelines().values())));
        }
        boolean closed = sections.stream().allMatch(s -> s.open() == 0 && s.figures().pendingAtTracker() == 0);
        Kind kind = closed && reconciled.clean() ? Kind.FINAL : Kind.INTERIM;
        return new RegulatorReport(kind, reconciled.reconciledTo(), reconciled.campaignTime(), reconciled.clean(),
                reconciled.mismatchCount(), incident, reconciled, List.copyOf(sections));
    }
}
