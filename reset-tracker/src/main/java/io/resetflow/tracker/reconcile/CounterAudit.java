package io.resetflow.tracker.reconcile;

import io.resetflow.avro.RemediationState;
import io.resetflow.avro.TenantProgress;
import io.resetflow.serde.AvroSerdes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The tracker's published counters against the recount. The tracker publishes each task's counts
 * every progress interval, so counters that differ are read again until the settle time is up; they
 * disagree only when the tracker had consumed everything and they still differ.
 */
final class CounterAudit {

    private static final long REREAD_PAUSE_MS = 250;

    private final ReconcileSettings settings;
    private final Deserializer<TenantProgress> values;
    private final boolean trackerHasUnconsumed;

    CounterAudit(ReconcileSettings settings, AvroSerdes serdes, boolean trackerHasUnconsumed) {
        this.settings = settings;
        this.values = serdes.value(TenantProgress.class).deserializer();
        this.trackerHasUnconsumed = trackerHasUnconsumed;
    }

    Map<String, CounterCheck> check(Recount recount, Map<String, TenantProgress> published, Mismatches mismatches) {
        Map<String, TenantProgress> latest = new LinkedHashMap<>(published);
        long deadline = System.nanoTime() + settings.settle().toNanos();
        while (!differing(recount, latest).isEmpty() && !trackerHasUnconsumed && System.nanoTime() < deadline) {
            sleep();
            latest = reread();
        }
        Map<String, CounterCheck> checks = new LinkedHashMap<>();
        for (TenantRecount tenant : recount.tenants().values()) {
            TenantProgress progress = latest.get(tenant.tenant());
            List<String> differences = differences(tenant, progress);
            CounterCheck.Verdict verdict;
            if (differences.isEmpty()) {
                verdict = CounterCheck.Verdict.EQUAL;
            } else if (trackerHasUnconsumed) {
                verdict = CounterCheck.Verdict.BEHIND;
            } else {
                verdict = progress == null ? CounterCheck.Verdict.NONE_PUBLISHED : CounterCheck.Verdict.DISAGREE;
                mismatches.add(MismatchKind.COUNTERS_DISAGREE, tenant.tenant(), null,
                        "published " + (progress == null ? "nothing" : "as of " + progress.getAsOf()) + ", recount differs: "
                                + String.join(", ", differences));
            }
            checks.put(tenant.tenant(), new CounterCheck(tenant.tenant(), verdict,
                    progress == null ? Map.of() : byState(progress), progress == null ? 0 : progress.getTotal(),
                    progress == null ? null : progress.getAsOf()));
        }
        return checks;
    }

    private static List<String> differing(Recount recount, Map<String, TenantProgress> published) {
        List<String> tenants = new ArrayList<>();
        recount.tenants().values().forEach(t -> {
            if (!differences(t, published.get(t.tenant())).isEmpty()) {
                tenants.add(t.tenant());
            }
        });
        return tenants;
    }

    /** Each state whose published count differs from the recount, and the total; empty when all agree. */
    private static List<String> differences(TenantRecount tenant, TenantProgress progress) {
        List<String> out = new ArrayList<>();
        if (progress == null) {
            if (tenant.tracked() > 0) {
                out.add("total published none, recounted " + tenant.tracked());
            }
            return out;
        }
        Map<String, Long> published = byState(progress);
        for (RemediationState state : RemediationState.values()) {
            long counted = published.getOrDefault(state.name(), 0L);
            long recounted = tenant.state(state);
            if (counted != recounted) {
                out.add(state + " published " + counted + ", recounted " + recounted);
            }
        }
        if (progress.getTotal() != tenant.tracked()) {
            out.add("total published " + progress.getTotal() + ", recounted " + tenant.tracked());
        }
        return out;
    }

    private static Map<String, Long> byState(TenantProgress progress) {
        Map<String, Long> out = new LinkedHashMap<>();
        progress.getCountsByState().forEach((state, count) -> out.put(String.valueOf(state), count));
        return out;
    }

    private Map<String, TenantProgress> reread() {
        String topic = settings.names().remediationProgress();
        Snapshot snapshot;
        try (Admin admin = Admin.create(settings.clientProperties())) {
            snapshot = Snapshot.take(admin, List.of(topic), List.of());
        }
        Map<String, TenantProgress> latest = new LinkedHashMap<>();
        try (TopicScanner scanner = new TopicScanner(settings.clientProperties())) {
            scanner.scan(topic, snapshot, (partition, record) -> {
                if (record.key() != null && record.value() != null) {
                    latest.put(new String(record.key(), StandardCharsets.UTF_8), values.deserialize(topic, record.value()));
                }
            });
        }
        return latest;
    }

    private static void sleep() {
        try {
            Thread.sleep(REREAD_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
