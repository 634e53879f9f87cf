package io.resetflow.tracker.query;

import io.resetflow.avro.RemediationState;
import io.resetflow.avro.TenantProgress;
import io.resetflow.core.identity.AddressNormalizer;
import io.resetflow.core.identity.MailboxIds;
import io.resetflow.core.tenant.Tenants;
import io.resetflow.tracker.progress.HistoryAnalysis;
import io.resetflow.tracker.topology.StateIndexKeys;
import io.resetflow.tracker.topology.TenantPartitioner;
import io.resetflow.tracker.topology.TrackedMailbox;
import io.resetflow.tracker.topology.TrackerStores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Answers the API's questions from the stores: found here, held by another instance (the HTTP
 * layer fetches it there), not found, or unavailable while stores restore. Never waits.
 */
public final class TrackerQueryService {

    private static final StringSerializer KEYS = new StringSerializer();
    private static final int MAX_HISTORY_POINTS = 720;
    /** Routes history lookups the way partial progress was partitioned: by tenant. */
    private static final StreamPartitioner<String, Object> BY_TENANT = new TenantPartitioner<>();

    private final StoreHandles stores;
    private final Tenants tenants;
    private final MailboxIds mailboxIds;
    private final Duration estimateWindow;
    private final Supplier<Instant> campaignNow;

    /** {@code campaignNow}: the campaign clock's present, which days outstanding are counted up to. */
    public TrackerQueryService(StoreHandles stores, Tenants tenants, MailboxIds mailboxIds, Duration estimateWindow,
                               Supplier<Instant> campaignNow) {
        this.stores = stores;
        this.tenants = tenants;
        this.mailboxIds = mailboxIds;
        this.estimateWindow = estimateWindow;
        this.campaignNow = campaignNow;
    }

    public Tenants tenants() {
        return tenants;
    }

    public QueryResult<Views.MailboxView> mailbox(String mailboxId, boolean localOnly) {
        return guarded(() -> {
            if (!localOnly) {
                KeyQueryMetadata owner = stores.ownerOf(TrackerStores.MAILBOXES, mailboxId, KEYS);
                if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
                    return new QueryResult.Unavailable<>("no instance holds the mailbox store yet");
                }
                if (!owner.activeHost().equals(stores.self())) {
                    return new QueryResult.OnAnotherInstance<>(owner.activeHost());
                }
            }
            TrackedMailbox found = stores.<TrackedMailbox>local(TrackerStores.MAILBOXES).get(mailboxId);
            return found == null ? new QueryResult.NotFound<>() : new QueryResult.Found<>(MailboxViews.of(found));
        });
    }

    /** The id of an address, if it is a valid one; the address itself is not kept. */
    public Optional<String> mailboxIdOf(String address) {
        return AddressNormalizer.normalizeValid(address).map(mailboxIds::of);
    }

    /** Every tenant's latest progress, from this instance's global copy of the progress topic. */
    public QueryResult<List<TenantProgress>> progress() {
        return guarded(() -> {
            ReadOnlyKeyValueStore<String, TenantProgress> store = stores.local(TrackerStores.PROGRESS);
            List<TenantProgress> all = new ArrayList<>();
            for (String tenant : tenants.ids()) {
                TenantProgress progress = store.get(tenant);
                all.add(progress != null ? progress
                        : io.resetflow.tracker.progress.ProgressMath.sum(tenant, List.of(), java.time.Instant.EPOCH));
            }
            return new QueryResult.Found<>(all);
        });
    }

    public QueryResult<Views.HistoryView> history(String tenant, boolean localOnly) {
        if (tenants.byId(tenant).isEmpty()) {
            return new QueryResult.NotFound<>();
        }
        return guarded(() -> {
            if (!localOnly) {
                KeyQueryMetadata owner = stores.ownerOf(TrackerStores.PROGRESS_HISTORY, tenant, BY_TENANT);
                if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
                    return new QueryResult.Unavailable<>("no instance holds the progress history yet");
                }
                if (!owner.activeHost().equals(stores.self())) {
                    return new QueryResult.OnAnotherInstance<>(owner.activeHost());
                }
            }
            List<TenantProgress> points = new ArrayList<>();
            ReadOnlyKeyValueStore<String, TenantProgress> store = stores.local(TrackerStores.PROGRESS_HISTORY);
            try (KeyValueIterator<String, TenantProgress> range = store.prefixScan(tenant + "|", KEYS)) {
                range.forEachRemaining(kv -> points.add(kv.value));
            }
            return new QueryResult.Found<>(new Views.HistoryView(tenant, downsampled(points).stream().map(TrackerQueryService::point).toList(),
                    HistoryAnalysis.estimatedCompletion(points, estimateWindow).map(Object::toString).orElse(null),
                    HistoryAnalysis.milestones(points)));
        });
    }

    /** This instance's mailboxes of the tenant in the state, in id order after {@code after}. */
    public QueryResult<Views.StragglerPage> localStragglers(String tenant, RemediationState state, String after,
                                                           int limit) {
        return guarded(() -> {
            String prefix = StateIndexKeys.prefix(tenant, state);
            String from = after == null || after.isEmpty() ? prefix : prefix + after + "\u0000";
            TreeSet<String> merged = new TreeSet<>();
            for (ReadOnlyKeyValueStore<String, byte[]> partition : stores.<byte[]>localPartitions(TrackerStores.BY_STATE)) {
                try (KeyValueIterator<String, byte[]> range = partition.range(from, prefix + StateIndexKeys.END)) {
                    for (int taken = 0; taken <= limit && range.hasNext(); taken++) {
                        merged.add(StateIndexKeys.mailboxIdOf(range.next().key));
                    }
                }
            }
            List<String> sorted = new ArrayList<>(merged);
            List<String> ids = sorted.size() > limit ? sorted.subList(0, limit) : sorted;
            String next = sorted.size() > limit ? ids.get(ids.size() - 1) : null;
            return new QueryResult.Found<>(new Views.StragglerPage(tenant, state.name(), List.copyOf(ids), next,
                    localRows(ids)));
        });
    }

    /** The rows of mailboxes this instance holds, in the order given; ids it does not hold are left out. */
    private List<Views.StragglerRow> localRows(List<String> mailboxIds) {
        ReadOnlyKeyValueStore<String, TrackedMailbox> mailboxes = stores.local(TrackerStores.MAILBOXES);
        Instant now = campaignNow.get();
        List<Views.StragglerRow> rows = new ArrayList<>(mailboxIds.size());
        for (String id : mailboxIds) {
            TrackedMailbox tracked = mailboxes.get(id);
            if (tracked != null) {
                rows.add(MailboxViews.row(tracked, now));
            }
        }
        return rows;
    }

    /** This instance's counters of the tenant, summed over its partitions. */
    public QueryResult<Views.CountersView> localCounters(String tenant) {
        return guarded(() -> {
            Map<String, Long> sums = new TreeMap<>();
            String prefix = tenant + "|";
            for (ReadOnlyKeyValueStore<String, Long> partition : stores.<Long>localPartitions(TrackerStores.COUNTS)) {
                try (KeyValueIterator<String, Long> range = partition.prefixScan(prefix, KEYS)) {
                    range.forEachRemaining(kv -> sums.merge(kv.key.substring(prefix.length()), kv.value, Long::sum));
                }
            }
            return new QueryResult.Found<>(new Views.CountersView(tenant, sums));
        });
    }

    /** Instances other than this one that hold mailbox partitions (for fan-out queries). */
    public List<org.apache.kafka.streams.state.HostInfo> peers() {
        try {
            return stores.otherHosts(TrackerStores.MAILBOXES);
        } catch (InvalidStateStoreException e) {
            return List.of();
        }
    }

    private static Views.HistoryPoint point(TenantProgress p) {
        return new Views.HistoryPoint(p.getAsOf().toString(), p.getTotal(), p.getRemediated(), p.getRemediatedRatio(),
                new TreeMap<>(p.getCountsByState()));
    }

    private static List<TenantProgress> downsampled(List<TenantProgress> points) {
        if (points.size() <= MAX_HISTORY_POINTS) {
            return points;
        }
        List<TenantProgress> kept = new ArrayList<>(MAX_HISTORY_POINTS);
        double step = (double) (points.size() - 1) / (MAX_HISTORY_POINTS - 1);
        for (int i = 0; i < MAX_HISTORY_POINTS; i++) {
            kept.add(points.get((int) Math.round(i * step)));
        }
        return kept;
    }

    private static <T> QueryResult<T> guarded(Supplier<QueryResult<T>> query) {
        try {
            return query.get();
        } catch (InvalidStateStoreException e) {
            return new QueryResult.Unavailable<>(e.getMessage());
        }
    }
}
