package io.resetflow.bench.tracker;

import io.resetflow.avro.IntakeRecord;
import io.resetflow.avro.PasswordResetEvent;
import io.resetflow.core.topic.TopicNames;
import io.resetflow.serde.AvroSerdes;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes the benchmark's inputs: one intake record per mailbox, and the ISPs' reset events for a share of them. */
final class InputProducer {

    /** What was written, and what the tracker should make of it. */
    record Intake(long records, long former, long awaitingReminder, double seconds) {
    }

    record Resets(long events, double seconds) {
    }

    private final String bootstrap;
    private final AvroSerdes serdes;
    private final TopicNames names;
    private final SyntheticMailboxes mailboxes;

    InputProducer(String bootstrap, AvroSerdes serdes, TopicNames names, SyntheticMailboxes mailboxes) {
        this.bootstrap = bootstrap;
        this.serdes = serdes;
        this.names = names;
        this.mailboxes = mailboxes;
    }

    Intake intake(long count, Instant acceptedAt) {
        long former = 0;
        long awaitingReminder = 0;
        AtomicReference<Exception> failure = new AtomicReference<>();
        Callback onError = (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        };
        long start = System.nanoTime();
        try (KafkaProducer<String, IntakeRecord> producer = new KafkaProducer<>(settings(), new StringSerializer(),
                serdes.value(IntakeRecord.class).serializer())) {
            for (long i = 0; i < count && failure.get() == null; i++) {
                SyntheticMailboxes.Mailbox mailbox = mailboxes.at(i);
                String id = mailboxes.mailboxId(mailbox);
                former += mailbox.isFormer() ? 1 : 0;
                awaitingReminder += mailbox.awaitsReminder() ? 1 : 0;
                producer.send(new ProducerRecord<>(names.remediationIntake(), id,
                        mailboxes.intake(mailbox, id, acceptedAt)), onError);
            }
            producer.flush();
        }
        throwIfFailed(failure);
        return new Intake(count, former, awaitingReminder, (System.nanoTime() - start) / 1e9);
    }

    Resets resets(long mailboxCount, Instant changedAt) {
        long events = 0;
        AtomicReference<Exception> failure = new AtomicReference<>();
        Callback onError = (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        };
        long start = System.nanoTime();
        try (KafkaProducer<String, PasswordResetEvent> producer = new KafkaProducer<>(settings(),
                new StringSerializer(), serdes.value(PasswordResetEvent.class).serializer())) {
            for (long i = 0; i < mailboxCount && failure.get() == null; i++) {
                SyntheticMailboxes.Mailbox mailbox = mailboxes.at(i);
                if (!mailbox.resets()) {
                    continue;
                }
                String id = mailboxes.mailboxId(mailbox);
                producer.send(new ProducerRecord<>(names.tenantPasswordResets(mailbox.tenant().id()), id,
                        mailboxes.reset(mailbox, id, changedAt)), onError);
                events++;
            }
            producer.flush();
        }
        throwIfFailed(failure);
        return new Resets(events, (System.nanoTime() - start) / 1e9);
    }

    /** Like the import: acks=all, idempotent, lz4, 256 KiB batches. */
    private Map<String, Object> settings() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    }

    private static void throwIfFailed(AtomicReference<Exception> failure) {
        if (failure.get() != null) {
            throw new IllegalStateException("producing benchmark input failed", failure.get());
        }
    }
}
