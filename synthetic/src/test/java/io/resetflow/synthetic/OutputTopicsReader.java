package io.resetflow.synthetic;

import io.resetflow.avro.AffectedAccount;
import io.resetflow.avro.DeadLetter;
import io.resetflow.avro.IntakeRecord;
import io.resetflow.avro.RejectedRow;
import io.resetflow.core.topic.TopicNames;
import io.resetflow.intake.IntakeConfig;
import io.resetflow.serde.AvroSerdes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads intake's committed output from the beginning and tallies it, for broker tests. */
final class OutputTopicsReader implements AutoCloseable {

    final Map<String, Long> affectedPerTenant = new TreeMap<>();
    final Map<String, Long> intakePerPriority = new TreeMap<>();
    final Map<String, Long> rejectsPerReason = new TreeMap<>();
    final Set<String> intakeKeys = new HashSet<>();
    final List<DeadLetter> deadLetters = new ArrayList<>();
    long intakeRecords;
    long tenantKeyMismatches;

    private final KafkaConsumer<String, byte[]> consumer;
    private final TopicNames names;
    private final AvroSerdes serdes;

    OutputTopicsReader(String bootstrapServers, TopicNames names, Collection<String> tenants, AvroSerdes serdes) {
        this.names = names;
        this.serdes = serdes;
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
        List<String> topics = new ArrayList<>(List.of(names.remediationIntake(), names.breachRejected(),
                names.deadLetter(IntakeConfig.DEFAULT_APPLICATION_ID)));
        tenants.forEach(tenant -> topics.add(names.tenantAffectedAccounts(tenant)));
        List<TopicPartition> partitions = new ArrayList<>();
        topics.forEach(topic -> consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads whatever has been committed since the last call. */
    OutputTopicsReader poll() {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
            String topic = record.topic();
            if (topic.equals(names.remediationIntake())) {
                IntakeRecord intake = serdes.value(IntakeRecord.class).deserializer().deserialize(topic, record.value());
                intakeRecords++;
                intakeKeys.add(record.key());
                intakePerPriority.merge(intake.getPriority().name(), 1L, Long::sum);
            } else if (topic.equals(names.breachRejected())) {
                RejectedRow rejected = serdes.value(RejectedRow.class).deserializer().deserialize(topic, record.value());
                rejectsPerReason.merge(rejected.getReason().name(), 1L, Long::sum);
            } else if (topic.endsWith(".dead-letter")) {
                deadLetters.add(serdes.value(DeadLetter.class).deserializer().deserialize(topic, record.value()));
            } else {
                AffectedAccount account = serdes.value(AffectedAccount.class).deserializer().deserialize(topic, record.value());
                affectedPerTenant.merge(account.getTenant(), 1L, Long::sum);
                if (!topic.equals(names.tenantAffectedAccounts(account.getTenant()))
                        || !record.key().equals(account.getMailboxId())) {
                    tenantKeyMismatches++;
                }
            }
        }
        return this;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
