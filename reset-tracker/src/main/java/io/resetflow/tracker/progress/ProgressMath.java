package io.resetflow.tracker.progress;

import io.resetflow.avro.RemediationState;
import io.resetflow.avro.TenantProgress;
import io.resetflow.tracker.domain.MailboxRemediation;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds and sums TenantProgress records; total is always the sum over states. */
public final class ProgressMath {

    private ProgressMath() {
    }

    public static TenantProgress progress(String tenant, Map<String, Long> countsByState, Instant asOf) {
        long total = 0;
        long remediated = 0;
        for (Map.Entry<String, Long> entry : countsByState.entrySet()) {
            total += entry.getValue();
            if (MailboxRemediation.isRemediated(RemediationState.valueOf(entry.getKey()))) {
                remediated += entry.getValue();
            }
        }
        return TenantProgress.newBuilder().setTenant(tenant).setCountsByState(new LinkedHashMap<>(countsByState))
                .setTotal(total).setRemediated(remediated)
                .setRemediatedRatio(total == 0 ? 0 : (double) remediated / total).setAsOf(asOf).build();
    }

    public static TenantProgress sum(String tenant, Collection<TenantProgress> partials, Instant asOf) {
        Map<String, Long> byState = new LinkedHashMap<>();
        for (RemediationState state : RemediationState.values()) {
            byState.put(state.name(), 0L);
        }
        for (TenantProgress partial : partials) {
            partial.getCountsByState().forEach((state, count) -> byState.merge(state, count, Long::sum));
        }
        return progress(tenant, byState, asOf);
    }
}
