package io.resetflow.notifier.consume;

import io.resetflow.avro.DeadLetter;
import io.resetflow.avro.DeliveryOutcome;
import io.resetflow.avro.FailureStage;
import io.resetflow.avro.NotificationRequest;
import io.resetflow.core.tenant.Tenants;
import io.resetflow.notifier.ledger.LedgerRestorer;
import io.resetflow.notifier.ledger.SentLedgerIndex;
import io.resetflow.notifier.ops.NotifierMetrics;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * The consumer thread. Reads requests, skips those the sent ledger already has, hands the rest to
 * the sending threads, and publishes their outcomes in Kafka transactions together with the final
 * outcome's ledger entry and the consumed offsets.
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

    /** Topic names and value codecs of the loop. */
    public record Topics(String requests, String outcomes, String ledger, String deadLetter, String application,
                         Deserializer<NotificationRequest> requestDeserializer,
                         Serializer<DeliveryOutcome> outcomeSerializer, Serializer<DeadLetter> deadLetterSerializer) {
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
    private final int maxPending;
    private final long commitIntervalNanos;

    private final BlockingQueue<Completion> completions = new LinkedBlockingQueue<>();
    private final Map<String, Delivery> inFlight = new HashMap<>();
    private final OffsetTracker offsets = new OffsetTracker();
    private final List<String> finalInTransaction = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile boolean healthy = true;
    private volatile int pending;
    private boolean transactionOpen;
    private long lastCommitNanos = System.nanoTime();

    public NotifierLoop(Consumer<String, byte[]> consumer, Producer<String, byte[]> producer, Topics topics,
                        Tenants tenants, SentLedgerIndex ledger, LedgerRestorer restorer,
                        DeliveryAttempts.Collaborators collaborators,
                        java.util.concurrent.ScheduledExecutorService sendingThreads, NotifierMetrics metrics,
                        Clock clock, int maxPending, Duration commitInterval) {
        this.consumer = consumer;
        this.producer = producer;
        this.topics = topics;
        this.tenants = tenants;
        this.ledger = ledger;
        this.restorer = restorer;
        this.metrics = metrics;
        this.clock = clock;
        this.maxPending = maxPending;
        this.commitIntervalNanos = commitInterval.toNanos();
        this.attempts = new DeliveryAttempts(collaborators, sendingThreads, completions::add);
        metrics.pendingGauge(() -> pending);
    }

    @Override
    public void run() {
        try {
            producer.initTransactions();
            consumer.subscribe(List.of(topics.requests()), this);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    accept(record);
                }
                drain();
                if (System.nanoTime() - lastCommitNanos >= commitIntervalNanos) {
                    commit();
                }
                applyBackpressure();
            }
        } catch (WakeupException stopping) {
            LOG.debug("notifier loop woken up to stop");
        } catch (RuntimeException e) {
            healthy = false;
            LOG.error("Notifier loop stopped: {}", e.toString(), e);
        } finally {
            try {
                if (healthy) {
                    finishInFlight(new ArrayList<>(inFlight.values()));
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

    public int pending() {
        return pending;
    }

    /** Stops reading, lets running SMTP exchanges finish, publishes their outcomes and returns. */
    public void stop(Duration timeout) throws InterruptedException {
        running = false;
        consumer.wakeup();
        stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
        if (inFlight.containsKey(id) || ledger.isFinal(id)) {
            LOG.debug("Notification {} (mailbox {}) already handled: not sent again", id, request.getMailboxId());
            metrics.duplicateSkipped(request.getTenant());
            offsets.finished(source, record.offset());
            return;
        }
        Delivery delivery = new Delivery(request, source, record.offset());
        inFlight.put(id, delivery);
        if (tenants.byId(request.getTenant()).isEmpty()) {
            LOG.warn("Notification {} (mailbox {}) names unknown tenant {}", id, request.getMailboxId(), request.getTenant());
            publish(new Completion(delivery, Outcomes.refused(request, "unknown tenant", clock.instant()), true));
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
        pending = inFlight.size();
    }

    private void applyBackpressure() {
        pending = inFlight.size();
        if (pending >= maxPending) {
            consumer.pause(consumer.assignment());
        } else if (!consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
        }
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
        pending = inFlight.size();
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        finishInFlight(inFlight.values().stream().filter(d -> partitions.contains(d.source())).toList());
        partitions.forEach(offsets::forget);
        LOG.info("Partitions revoked: {}", partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        inFlight.values().stream().filter(d -> partitions.contains(d.source())).toList()
                .forEach(d -> {
                    d.abandon();
                    inFlight.remove(d.request().getNotificationId());
                });
        partitions.forEach(offsets::forget);
        LOG.warn("Partitions lost: {}", partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        restorer.restore(partitions.stream().map(TopicPartition::partition).toList());
        LOG.info("Partitions assigned: {}", partitions);
    }
}
