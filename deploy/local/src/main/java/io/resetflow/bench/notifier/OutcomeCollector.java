package io.resetflow.bench.notifier;

import io.resetflow.avro.DeliveryOutcome;
import io.resetflow.avro.DeliveryStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads notify.outcomes (read_committed) on its own thread and matches each final outcome to its
 * request: warm-up ids {@code w-<n>}, measured ids {@code m-<n>}. A measured outcome frees one place
 * in the producer's window and gives one latency, request record timestamp to outcome record timestamp.
 */
final class OutcomeCollector implements Runnable {

    static final String WARM_UP = "w-";
    static final String MEASURED = "m-";

    private final KafkaConsumer<String, byte[]> consumer;
    private final Deserializer<DeliveryOutcome> outcomes;
    private final String topic;
    private final Semaphore window;
    private final AtomicLongArray requestTimestamps;
    private final long[] latencies;
    private final CountDownLatch warmedUp;
    private final CountDownLatch measured;
    private final AtomicLong failed = new AtomicLong();
    private volatile long lastOutcomeNanos;

    OutcomeCollector(KafkaConsumer<String, byte[]> consumer, Deserializer<DeliveryOutcome> outcomes, String topic,
                     int warmUpMails, int mails, Semaphore window) {
        this.consumer = consumer;
        this.outcomes = outcomes;
        this.topic = topic;
        this.window = window;
        this.requestTimestamps = new AtomicLongArray(mails);
        this.latencies = new long[mails];
        this.warmedUp = new CountDownLatch(warmUpMails);
        this.measured = new CountDownLatch(mails);
    }

    void requested(int index, long timestampMillis) {
        requestTimestamps.set(index, timestampMillis);
    }

    @Override
    public void run() {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        try {
            while (measured.getCount() > 0) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    accept(record);
                }
            }
        } catch (WakeupException stopped) {
            // close() while the run is abandoned
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void accept(ConsumerRecord<String, byte[]> record) {
        DeliveryOutcome outcome = outcomes.deserialize(record.topic(), record.value());
        if (outcome.getStatus() == DeliveryStatus.DEFERRED) {
            return;
        }
        if (outcome.getStatus() != DeliveryStatus.SENT) {
            failed.incrementAndGet();
        }
        String id = outcome.getNotificationId();
        if (id.startsWith(WARM_UP)) {
            warmedUp.countDown();
        } else if (id.startsWith(MEASURED)) {
            int index = Integer.parseInt(id.substring(MEASURED.length()));
            latencies[index] = record.timestamp() - requestTimestamps.get(index);
            window.release();
            if (measured.getCount() == 1) {
                lastOutcomeNanos = System.nanoTime();
            }
            measured.countDown();
        }
    }

    boolean awaitWarmUp(Duration timeout) throws InterruptedException {
        return warmedUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean awaitMeasured(Duration timeout) throws InterruptedException {
        return measured.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    long lastOutcomeNanos() {
        return lastOutcomeNanos;
    }

    long failed() {
        return failed.get();
    }

    /** Only after {@link #awaitMeasured} returned true. */
    long[] latenciesMillis() {
        return latencies.clone();
    }

    void stop() {
        consumer.wakeup();
    }
}
