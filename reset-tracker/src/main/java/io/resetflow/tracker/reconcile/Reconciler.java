package io.resetflow.tracker.reconcile;

import io.resetflow.avro.BreachRow;
import io.resetflow.avro.RejectReason;
import io.resetflow.avro.RejectedRow;
import io.resetflow.avro.TenantProgress;
import io.resetflow.core.identity.MailboxIds;
import io.resetflow.intake.BreachRowValidator;
import io.resetflow.intake.RowVerdict;
import io.resetflow.serde.AvroSerdes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves that every mailbox was handled: takes a snapshot, reads every evidence topic up to it into
 * a sorted spill (one mailbox's facts together), checks each mailbox, then the per-tenant figures
 * against the tracker's counters and the intake's rejections. Memory stays bounded whatever the
 * number of mailboxes; the spill's disk is the only cost that grows with it.
 */
public final class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
    private static final int MAX_READERS = 4;

    private final ReconcileSettings settings;
    private final AvroSerdes serdes;

    public Reconciler(ReconcileSettings settings) {
        this.settings = settings;
        this.serdes = AvroSerdes.forRegistry(settings.schemaRegistryUrl());
    }

    public ReconcileResult run() {
        long started = System.nanoTime();
        List<EvidenceTopic> evidence = EvidenceTopic.all(settings.names(), settings.tenants()).stream()
                .filter(t -> settings.breachRows() || (t.evidence() != Evidence.BREACH_ROWS
                        && t.evidence() != Evidence.REJECTED_ROWS)).toList();
        Snapshot snapshot;
        try (Admin admin = Admin.create(settings.clientProperties())) {
            snapshot = Snapshot.take(admin, evidence.stream().map(EvidenceTopic::topic).toList(),
                    List.of(settings.services().intakeApplication(), settings.services().trackerApplication(),
                            settings.services().notifierGroup()));
        }
        LOG.info("Reconciling to {} ({} partitions)", snapshot.takenAt(), snapshot.ends().size());
        Mismatches mismatches = new Mismatches(settings.listed());
        Completeness complete = completeness(evidence, snapshot, mismatches);
        try (FactStore store = new FactStore(settings.workDir())) {
            Map<String, EvidenceTopic> byName = new LinkedHashMap<>();
            evidence.forEach(topic -> byName.put(topic.topic(), topic));
            Reading reading = read(snapshot, byName, store);
            long recordsRead = reading.records;
            LOG.info("Read {} records of {} topics in {} ms; {} facts, {} MiB spilled", recordsRead, byName.size(),
                    (System.nanoTime() - started) / 1_000_000, store.written(), store.diskBytes() >> 20);
            long campaignNow = reading.progress.values().stream().mapToLong(p -> p.getAsOf().toEpochMilli())
                    .max().orElse(snapshot.takenAt().toEpochMilli());
            Recount recount = new Recount(settings.tenants().ids());
            AuditRules rules = new AuditRules(Set.copyOf(settings.tenants().ids()), campaignNow,
                    settings.overdueGrace().toMillis(), settings.breachRows() && complete.of(Evidence.BREACH_ROWS),
                    complete.of(Evidence.ACCEPTED), complete.of(Evidence.REQUESTS), complete.of(Evidence.OUTCOMES));
            MailboxAudit audit = new MailboxAudit(rules, recount, mismatches);
            store.forEachMailbox(audit);
            LOG.info("Checked {} mailboxes in {} ms since the start", audit.mailboxes(),
                    (System.nanoTime() - started) / 1_000_000);
            IntakeFigures intake = intakeFigures(reading, recount, mismatches, settings.breachRows()
                    && complete.of(Evidence.BREACH_ROWS)
                    && complete.of(Evidence.REJECTED_ROWS));
            Map<String, CounterCheck> counters = new CounterAudit(settings, serdes, reading.trackerHasUnconsumed)
                    .check(recount, reading.progress, mismatches);
            return new ReconcileResult(snapshot.takenAt(), Instant.ofEpochMilli(campaignNow), audit.mailboxes(),
                    recordsRead, store.written(), intake, recount.tenants(), recount.timelines(), counters,
                    mismatches.total(), mismatches.byKind(), mismatches.listed(), Map.copyOf(reading.unreadable),
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * Reads the partitions on as many threads as there are cores (up to four), each a consumer, a
     * reading and a batch of its own, the largest partitions spread first; then adds the readings up.
     * A partition is read by one thread, in offset order, so a fact whose latest version counts
     * (a status, a command) still ends as the last one written.
     */
    private Reading read(Snapshot snapshot, Map<String, EvidenceTopic> byName, FactStore store) {
        int threads = Math.max(1, Math.min(MAX_READERS, Runtime.getRuntime().availableProcessors()));
        List<TopicPartition> partitions = new ArrayList<>();
        byName.keySet().forEach(topic -> partitions.addAll(snapshot.partitionsOf(topic)));
        ToLongFunction<TopicPartition> from = tp -> firstNeeded(byName.get(tp.topic()), snapshot, tp);
        partitions.sort(Comparator.comparingLong((TopicPartition tp) -> snapshot.ends().get(tp)
                - from.applyAsLong(tp)).reversed());
        List<List<TopicPartition>> shares = new ArrayList<>();
        long[] load = new long[threads];
        for (int i = 0; i < threads; i++) {
            shares.add(new ArrayList<>());
        }
        for (TopicPartition tp : partitions) {
            int least = 0;
            for (int i = 1; i < threads; i++) {
                least = load[i] < load[least] ? i : least;
            }
            shares.get(least).add(tp);
            load[least] += snapshot.ends().get(tp) - from.applyAsLong(tp);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> new Thread(r, "reconcile-reader"));
        try {
            List<Future<Reading>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    try (TopicScanner scanner = new TopicScanner(settings.clientProperties());
                         FactStore.Writer writer = store.writer()) {
                        Reading reading = new Reading(snapshot, index, writer);
                        reading.records = scanner.scanPartitions(shares.get(index), snapshot, from,
                                (tp, record) -> reading.take(byName, tp, record));
                        return reading;
                    }
                }));
            }
            Reading all = new Reading(snapshot, threads, null);
            for (Future<Reading> future : futures) {
                all.add(future.get());
            }
            return all;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the evidence", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Where reading a partition starts: its beginning, or the tracker's offset where only its backlog matters. */
    private long firstNeeded(EvidenceTopic topic, Snapshot snapshot, TopicPartition tp) {
        return topic.evidence().readFromTrackerOffset()
                ? snapshot.committed(settings.services().trackerApplication(), tp) : 0L;
    }

    /** Which kinds of evidence are whole; every deleted or missing topic is itself a mismatch. */
    private static Completeness completeness(List<EvidenceTopic> evidence, Snapshot snapshot, Mismatches mismatches) {
        Map<Evidence, Boolean> whole = new EnumMap<>(Evidence.class);
        for (EvidenceTopic topic : evidence) {
            boolean ok = true;
            if (snapshot.missingTopics().contains(topic.topic())) {
                mismatches.add(MismatchKind.SOURCE_MISSING, topic.tenant(), null, topic.topic() + " does not exist");
                ok = false;
            } else if (!topic.evidence().compacted()) {
                for (TopicPartition tp : snapshot.partitionsOf(topic.topic())) {
                    if (snapshot.truncated(tp)) {
                        mismatches.add(MismatchKind.SOURCE_TRUNCATED, topic.tenant(), null, tp + " starts at offset "
                                + snapshot.starts().get(tp) + ": the records before it are deleted");
                        ok = false;
                    }
                }
            }
            whole.merge(topic.evidence(), ok, Boolean::logicalAnd);
        }
        return kind -> whole.getOrDefault(kind, true);
    }

    @FunctionalInterface
    private interface Completeness {
        boolean of(Evidence evidence);
    }

    private IntakeFigures intakeFigures(Reading reading, Recount recount, Mismatches mismatches, boolean whole) {
        Map<String, Long> rejected = new TreeMap<>();
        Map<String, Long> invalid = new TreeMap<>();
        for (RejectReason reason : RejectReason.values()) {
            long onTopic = reading.rejectedByReason.getOrDefault(reason, 0L);
            long recounted = reading.invalidByReason.getOrDefault(reason, 0L);
            if (onTopic > 0 || recounted > 0) {
                rejected.put(reason.name(), onTopic);
                invalid.put(reason.name(), recounted);
            }
            if (onTopic != recounted && whole) {
                mismatches.add(MismatchKind.REJECTIONS_DISAGREE, null, null, "breach.affected-accounts.rejected holds "
                        + onTopic + " rows rejected for " + reason + ", re-validating the rows gives " + recounted);
            }
        }
        long valid = 0;
        long duplicates = 0;
        long accepted = 0;
        long pending = 0;
        for (TenantRecount tenant : recount.tenants().values()) {
            valid += tenant.validRows;
            duplicates += tenant.duplicates;
            accepted += tenant.accepted;
            pending += tenant.pendingAtIntake;
        }
        return new IntakeFigures(settings.breachRows(), reading.rows, reading.unreadableRows, rejected, invalid, valid,
                duplicates, accepted, pending);
    }

    /** One pass over the evidence topics: facts into the spill, the small aggregates in memory. */
    private final class Reading {

        private final Snapshot snapshot;
        private final BreachRowValidator validator;
        private final Deserializer<BreachRow> breachRows = serdes.value(BreachRow.class).deserializer();
        private final Deserializer<RejectedRow> rejections = serdes.value(RejectedRow.class).deserializer();
        private final Deserializer<TenantProgress> progressValues = serdes.value(TenantProgress.class).deserializer();
        final Map<RejectReason, Long> rejectedByReason = new EnumMap<>(RejectReason.class);
        final Map<RejectReason, Long> invalidByReason = new EnumMap<>(RejectReason.class);
        final Map<String, TenantProgress> progress = new LinkedHashMap<>();
        final Map<String, Long> unreadable = new HashMap<>();
        long rows;
        long unreadableRows;
        long records;
        private final FactReader facts;
        boolean trackerHasUnconsumed;
        private TopicPartition partition;
        private EvidenceTopic topic;
        private long intakeCommitted;
        private long trackerCommitted;
        private long notifierCommitted;

        /**
         * The index-th reading, its facts into the writer (none for the sum of the readings); its facts'
         * sequence numbers start at index << 48, unique across readings.
         */
        Reading(Snapshot snapshot, int index, FactStore.Writer writer) {
            this.snapshot = snapshot;
            this.validator = new BreachRowValidator(settings.tenants(), new MailboxIds(settings.mailboxIdSecret()));
            this.facts = writer == null ? null : new FactReader(serdes.registry(), writer, (long) index << 48);
        }

        void add(Reading other) {
            rows += other.rows;
            unreadableRows += other.unreadableRows;
            records += other.records;
            other.rejectedByReason.forEach((k, v) -> rejectedByReason.merge(k, v, Long::sum));
            other.invalidByReason.forEach((k, v) -> invalidByReason.merge(k, v, Long::sum));
            other.unreadable.forEach((k, v) -> unreadable.merge(k, v, Long::sum));
            progress.putAll(other.progress);
            trackerHasUnconsumed |= other.trackerHasUnconsumed;
        }

        void take(Map<String, EvidenceTopic> byName, TopicPartition tp, ConsumerRecord<byte[], byte[]> record) {
            if (tp != partition) {
                enter(byName.get(tp.topic()), tp);
            }
            if (topic.evidence().trackerInput() && record.offset() >= trackerCommitted) {
                trackerHasUnconsumed = true;
            }
            try {
                read(topic, record);
            } catch (SerializationException e) {
                // The service that reads this topic dead-letters what it cannot read; here it is counted.
                unreadable.merge(record.topic(), 1L, Long::sum);
                if (topic.evidence() == Evidence.BREACH_ROWS) {
                    unreadableRows++;
                }
            }
        }

        /** Records come a partition at a time: what every record of one needs is looked up once. */
        private void enter(EvidenceTopic evidenceTopic, TopicPartition tp) {
            partition = tp;
            topic = evidenceTopic;
            intakeCommitted = snapshot.committed(settings.services().intakeApplication(), tp);
            trackerCommitted = snapshot.committed(settings.services().trackerApplication(), tp);
            notifierCommitted = snapshot.committed(settings.services().notifierGroup(), tp);
        }

        private void read(EvidenceTopic topic, ConsumerRecord<byte[], byte[]> record) {
            byte[] value = record.value();
            switch (topic.evidence()) {
                case BREACH_ROWS -> {
                    rows++;
                    if (value == null) {
                        unreadableRows++;
                        return;
                    }
                    BreachRow row = breachRows.deserialize(record.topic(), value);
                    RowVerdict verdict = validator.check(row, row.getImportedAt());
                    if (verdict instanceof RowVerdict.Valid valid) {
                        facts.validRow(valid.mailboxId(), valid.normalized().getTenant(),
                                record.offset() >= intakeCommitted);
                    } else {
                        RejectReason reason = ((RowVerdict.Invalid) verdict).rejected().getReason();
                        invalidByReason.merge(reason, 1L, Long::sum);
                    }
                }
                case REJECTED_ROWS -> {
                    if (value != null) {
                        rejectedByReason.merge(rejections.deserialize(record.topic(), value).getReason(), 1L,
                                Long::sum);
                    }
                }
                case ACCEPTED -> {
                    if (value != null) {
                        facts.accepted(record.topic(), value, record.offset() >= trackerCommitted);
                    }
                }
                case STATUS -> facts.status(record.topic(), topic.tenant(), key(record), value);
                case REQUESTS -> {
                    if (value != null) {
                        facts.request(record.topic(), topic.tenant(), value, record.offset() >= notifierCommitted);
                    }
                }
                case OUTCOMES -> {
                    if (value != null) {
                        facts.outcome(record.topic(), value);
                    }
                }
                case COMMANDS -> {
                    if (value != null) {
                        facts.command(record.topic(), topic.tenant(), value);
                    }
                }
                case ANSWERS -> {
                    if (value != null) {
                        facts.answer(record.topic(), value);
                    }
                }
                case PROGRESS -> {
                    String tenant = key(record);
                    if (tenant != null && value != null) {
                        progress.put(tenant, progressValues.deserialize(record.topic(), value));
                    }
                }
                case RESETS, REDRIVES -> {
                    // Read only to learn whether the tracker has consumed everything (see take).
                }
            }
        }

        private static String key(ConsumerRecord<byte[], byte[]> record) {
            return record.key() == null ? null : new String(record.key(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
