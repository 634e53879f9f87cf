package io.resetflow.tracker.redrive;

import io.resetflow.avro.RedriveRequest;
import io.resetflow.avro.StateReason;
import io.resetflow.core.tenant.Tenants;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes an operator's re-drive: one copy of the request on every partition of the re-drive
 * topic, so every tracker task (each owns one partition's mailboxes) sends its own undeliverable
 * mailboxes' last notice again. Used by the command line and by the tracker's operations API.
 */
public final class RedrivePublisher implements AutoCloseable {

    /** Undeliverable reasons a re-drive takes when the operator names none: a failed delivery, a bounce. */
    public static final List<StateReason> DEFAULT_REASONS = List.of(StateReason.DELIVERY_FAILED, StateReason.BOUNCED,
            StateReason.OTHER_CHANNEL_REQUESTED, StateReason.OTHER_CHANNEL_FAILED);

    private final KafkaProducer<String, RedriveRequest> producer;
    private final String topic;
    private final Tenants tenants;

    public RedrivePublisher(Map<String, Object> clientProperties, Serializer<RedriveRequest> values, String topic,
                            Tenants tenants) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), values);
        this.topic = topic;
        this.tenants = tenants;
    }

    /** Publishes and waits for every copy; returns the request. */
    public RedriveRequest publish(String tenant, List<StateReason> reasons, String requestedBy, Instant now) {
        if (tenants.byId(tenant).isEmpty()) {
            throw new IllegalArgumentException("unknown tenant " + tenant + "; tenants are " + tenants.ids());
        }
        RedriveRequest request = RedriveRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                .setTenant(tenant).setReasons(reasons.isEmpty() ? DEFAULT_REASONS : List.copyOf(reasons))
                .setRequestedBy(requestedBy).setRequestedAt(now).build();
        List<Future<RecordMetadata>> sent = producer.partitionsFor(topic).stream().map(PartitionInfo::partition)
                .map(partition -> producer.send(new ProducerRecord<>(topic, partition, tenant, request))).toList();
        try {
            for (Future<RecordMetadata> copy : sent) {
                copy.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing the re-drive", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish the re-drive to " + topic + ": " + e.getCause(), e);
        }
        return request;
    }

    @Override
    public void close() {
        producer.close();
    }
}
