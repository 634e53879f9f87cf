package io.resetflow.notifier.consume;

import io.resetflow.avro.DeadLetter;
import io.resetflow.avro.DeliveryOutcome;
import io.resetflow.avro.FailureStage;
import io.resetflow.avro.NotificationRequest;
import io.resetflow.core.tenant.Tenant;
import io.resetflow.core.tenant.Tenants;
import io.resetflow.notifier.ledger.LedgerRestorer;
import io.resetflow.notifier.ledger.SentLedgerIndex;
import io.resetflow.notifier.ops.NotifierMetrics;
import io.resetflow.notifier.pacing.TenantSwitches;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer thread. Reads every tenant's request topic, skips the requests the sent ledger already
 * has, hands the rest to the sending threads, and publishes their outcomes in Kafka transactions
 * together with the final outcome's ledger entry and the consumed offsets.
 *
 * <p>No tenant holds up another: requests in memory are counted per tenant, each in a window of its
 * own ({@code notifier.max.pending}), and a tenant that is held (paused, in quiet hours, relay held, or
 * window full) has exactly its own partitions paused until the hold ends; its unread requests wait in
 * Kafka, their offsets uncommitted.
 *
 * <p>Guarantee: a request's offset is committed only in or after the transaction holding its final
 * outcome, and no request whose notification id has a committed final outcome is sent again. After a
 * crash, the mails sent more than once are at most those whose SMTP exchange had begun but whose
 * outcome transaction had not committed: at most the SMTP connections plus the mails finished in one
 * commit interval ({@code notifier.commit.interval.ms}, plus the time to commit). Committing on an
 * interval rather than every loop turn keeps the broker's work per transaction shared by many mails.
 */
public final class NotifierLoop implements Runnable, ConsumerRebalanceListener {

    private static final Logger LOG = LoggerFactory.getLogger(NotifierLoop.class);
    private static final Duration POLL = Duration.ofMillis(100);

    /** Topic names and value codecs of the loop; the request topics by tenant id. */
    public record Topics(Map<String, String> requestsByTenant, String outcomes, String ledger, String deadLetter,
                         String application, Deserializer<NotificationRequest> requestDeserializer,
                         Serializer<DeliveryOutcome> outcomeSerializer, Serializer<DeadLetter> deadLetterSerializer) {

        public Topics {
            requestsByTenant = Map.copyOf(requestsByTenant);
        }

        Map<String, String> tenantOfTopic() {
            Map<String, String> tenants = new HashMap<>();
            requestsByTenant.forEach((tenant, topic) -> tenants.put(topic, tenant));
            return tenants;
        }
    }

    private final Consumer<String, byte[]> consumer;
    private final Producer<String, byte[]> producer;
    private final Topics topics;
    private final Tenants tenants;
    private final SentLedgerIndex ledger;
    private final LedgerRestorer restorer;
    private final DeliveryAttempts attempts;
    private final NotifierMetrics metrics;
    private final Clock clock;
    private final long commitIntervalNanos;
    private final Map<String, String> tenantOfTopic;
    private final TenantHolds holds;

    private final BlockingQueue<Completion> completions = new LinkedBlockingQueue<>();
    private final InFlight inFlight = new InFlight();
    private final OffsetTracker offsets = new OffsetTracker();
    private final List<String> finalInTransaction = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private final Optional<RecipientCheck> recipients;
    private volatile boolean healthy = true;
    private boolean transactionOpen;
    private long lastCommitNanos = System.nanoTime();

    public NotifierLoop(Consumer<String, byte[]> consumer, Producer<String, byte[]> producer, Topics topics,
                        Tenants tenants, SentLedgerIndex ledger, LedgerRestorer restorer,
                        DeliveryAttempts.Collaborators collaborators,
                        java.util.concurrent.ScheduledExecutorService sendingThreads, NotifierMetrics metrics,
                        TenantSwitches switches, Clock clock, int windowPerTenant, Duration commitInterval,
                        Optional<RecipientCheck> recipients) {
        this.recipients = recipients;
        this.consumer = consumer;
        this.producer = producer;
        this.topics = topics;
        this.tenants = tenants;
        this.ledger = ledger;
        this.restorer = restorer;
        this.metrics = metrics;
        this.clock = clock;
        this.commitIntervalNanos = commitInterval.toNanos();
        this.tenantOfTopic = topics.tenantOfTopic();
        this.attempts = new DeliveryAttempts(collaborators, sendingThreads, completions::add);
        this.holds = new TenantHolds(tenants.all(), tenantOfTopic, switches, collaborators.gate(), collaborators.relays(),
                inFlight, windowPerTenant);
        for (Tenant tenant : tenants.all()) {
            String id = tenant.id();
            metrics.pendingGauge(id, () -> inFlight.of(id));
            for (HoldCause cause : HoldCause.values()) {
                metrics.heldGauge(id, cause.tag(), () -> holds.isHeld(id, cause));
            }
        }
    }

    @Override
    public void run() {
        try {
            producer.initTransactions();
            consumer.subscribe(List.copyOf(topics.requestsByTenant().values()), this);
            while (running) {
                acceptWithinWindows(consumer.poll(POLL));
                drain();
                if (System.nanoTime() - lastCommitNanos >= commitIntervalNanos) {
                    commit();
                }
                holds.apply(consumer);
            }
        } catch (WakeupException stopping) {
            LOG.debug("notifier loop woken up to stop");
        } catch (RuntimeException e) {
            healthy = false;
            LOG.error("Notifier loop stopped: {}", e.toString(), e);
        } finally {
            try {
                if (healthy) {
                    finishInFlight(inFlight.all());
                }
            } catch (RuntimeException e) {
                LOG.error("Could not publish the last outcomes: {}", e.toString());
            }
            stopped.countDown();
        }
    }

    public boolean isHealthy() {
        return healthy && running;
    }

    /** Requests read and not yet finished, all tenants together. */
    public int pending() {
        return inFlight.size();
    }

    /** Stops reading, lets running SMTP exchanges finish, publishes their outcomes and returns. */
    public void stop(Duration timeout) throws InterruptedException {
        running = false;
        consumer.wakeup();
        stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A poll returns up to {@code max.poll.records} of a partition at once: the records a tenant has no
     * room for are not taken; the partition is rewound to the first of them and read again once the
     * tenant's window has room, so the window is exact and nothing is skipped.
     */
    private void acceptWithinWindows(ConsumerRecords<String, byte[]> records) {
        Set<TopicPartition> rewound = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            TopicPartition source = new TopicPartition(record.topic(), record.partition());
            if (rewound.contains(source)) {
                continue;
            }
            if (!holds.admits(tenantOfTopic.get(record.topic()))) {
                consumer.seek(source, record.offset());
                rewound.add(source);
                continue;
            }
            accept(record);
        }
        if (!rewound.isEmpty()) {
            holds.apply(consumer);
        }
    }

    private void accept(ConsumerRecord<String, byte[]> record) {
        TopicPartition source = new TopicPartition(record.topic(), record.partition());
        offsets.received(source, record.offset());
        NotificationRequest request;
        try {
            request = topics.requestDeserializer().deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            deadLetter(record, e);
            offsets.finished(source, record.offset());
            return;
        }
        if (request == null) {
            offsets.finished(source, record.offset());
            return;
        }
        String id = request.getNotificationId();
        if (inFlight.contains(id) || ledger.isFinal(id)) {
            LOG.debug("Notification {} (mailbox {}) already handled: not sent again", id, request.getMailboxId());
            metrics.duplicateSkipped(request.getTenant());
            offsets.finished(source, record.offset());
            return;
        }
        String topicTenant = tenantOfTopic.get(record.topic());
        Delivery delivery = new Delivery(request, source, record.offset(), topicTenant);
        inFlight.add(delivery);
        if (tenants.byId(request.getTenant()).isEmpty()) {
            LOG.warn("Notification {} (mailbox {}) names unknown tenant {}", id, request.getMailboxId(), request.getTenant());
            publish(new Completion(delivery, Outcomes.refused(request, "unknown tenant", clock.instant()), true));
            return;
        }
        if (!request.getTenant().equals(topicTenant)) {
            // Paced, held and counted as the topic's tenant but sent as another's: refuse rather than guess.
            LOG.warn("Notification {} (mailbox {}) of tenant {} read from {}'s topic", id, request.getMailboxId(),
                    request.getTenant(), topicTenant);
            publish(new Completion(delivery, Outcomes.refused(request, "tenant does not match its topic",
                    clock.instant()), true));
            return;
        }
        Optional<String> forged = recipients.flatMap(check -> check.refusal(request));
        if (forged.isPresent()) {
            LOG.warn("Notification {} (mailbox {}) refused: {}", id, request.getMailboxId(), forged.get());
            metrics.recipientRefused(request.getTenant());
            publish(new Completion(delivery, Outcomes.refused(request, forged.get(), clock.instant()), true));
            return;
        }
        attempts.submit(delivery, Duration.ZERO);
    }

    private void drain() {
        for (Completion completion = completions.poll(); completion != null; completion = completions.poll()) {
            publish(completion);
        }
    }

    private void publish(Completion completion) {
        DeliveryOutcome outcome = completion.outcome();
        Delivery delivery = completion.delivery();
        send(new ProducerRecord<>(topics.outcomes(), outcome.getMailboxId(),
                topics.outcomeSerializer().serialize(topics.outcomes(), outcome)));
        metrics.outcome(outcome.getTenant(), outcome.getKind(), outcome.getStatus());
        if (completion.isFinal()) {
            // Same partition number as the request: an instance restores exactly the ledger it needs.
            send(new ProducerRecord<>(topics.ledger(), delivery.source().partition(), outcome.getNotificationId(),
                    topics.outcomeSerializer().serialize(topics.ledger(), outcome)));
            finalInTransaction.add(outcome.getNotificationId());
            offsets.finished(delivery.source(), delivery.offset());
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, RuntimeException error) {
        LOG.warn("Unreadable request at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), error.toString());
        DeadLetter letter = DeadLetter.newBuilder()
                .setStage(FailureStage.DESERIALIZATION)
                .setApplication(topics.application())
                .setSourceTopic(record.topic())
                .setSourcePartition(record.partition())
                .setSourceOffset(record.offset())
                .setErrorClass(error.getClass().getName())
                .setErrorMessage(error.getMessage())
                .setKey(record.key() == null ? null : ByteBuffer.wrap(record.key().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .setValue(record.value() == null ? null : ByteBuffer.wrap(record.value()))
                .setFailedAt(clock.instant())
                .build();
        send(new ProducerRecord<>(topics.deadLetter(), record.key(),
                topics.deadLetterSerializer().serialize(topics.deadLetter(), letter)));
        metrics.deadLettered();
    }

    private void send(ProducerRecord<String, byte[]> record) {
        if (!transactionOpen) {
            producer.beginTransaction();
            transactionOpen = true;
        }
        producer.send(record);
    }

    private void commit() {
        lastCommitNanos = System.nanoTime();
        Map<TopicPartition, OffsetAndMetadata> advanced = offsets.toCommit();
        if (!transactionOpen && advanced.isEmpty()) {
            return;
        }
        if (!transactionOpen) {
            producer.beginTransaction();
            transactionOpen = true;
        }
        if (!advanced.isEmpty()) {
            producer.sendOffsetsToTransaction(advanced, consumer.groupMetadata());
        }
        producer.commitTransaction();
        transactionOpen = false;
        offsets.committed(advanced);
        for (String id : finalInTransaction) {
            ledger.recordFinal(id);
            inFlight.remove(id);
        }
        finalInTransaction.clear();
    }

    /**
     * Lets the given deliveries go: waiting ones are abandoned (the next owner of their partition sends
     * them), running SMTP exchanges are awaited, and every outcome produced so far is committed.
     */
    private void finishInFlight(Collection<Delivery> deliveries) {
        List<Delivery> busy = new ArrayList<>(deliveries);
        while (!busy.isEmpty()) {
            busy.removeIf(Delivery::abandon);
            Completion completion;
            try {
                completion = completions.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (completion != null) {
                publish(completion);
            }
        }
        drain();
        commit();
        deliveries.forEach(d -> inFlight.remove(d.request().getNotificationId()));
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        finishInFlight(inFlight.from(partitions));
        partitions.forEach(offsets::forget);
        LOG.info("Partitions revoked: {}", partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        inFlight.from(partitions)
                .forEach(d -> {
                    d.abandon();
                    inFlight.remove(d.request().getNotificationId());
                });
        partitions.forEach(offsets::forget);
        LOG.warn("Partitions lost: {}", partitions);
    }

    /**
     * Brings the ledger up to date for the new partitions before any of their requests is read. The
     * ledger partition is the request partition's number, shared by every tenant's topic: partition 3
     * of one tenant newly assigned means ledger partition 3 is restored again from its checkpoint, even
     * if this instance already had partition 3 of another tenant, because another instance may have
     * written the newly assigned tenant's entries there. Our own open transaction is committed first:
     * its ledger records would otherwise hold back what a read_committed restore can see. Then the new
     * partitions of held tenants are paused before the poll that assigned them can fetch from them.
     */
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        commit();
        restorer.restore(partitions.stream().map(TopicPartition::partition).distinct().sorted().toList());
        holds.apply(consumer);
        LOG.info("Partitions assigned: {}", partitions);
    }
}
