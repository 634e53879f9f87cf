package io.resetflow.notifier.ledger;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the local index up to date with the committed ledger topic for the partitions this instance
 * was just assigned, before any request of theirs is looked at.
 */
public final class LedgerRestorer {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerRestorer.class);

    private final String ledgerTopic;
    private final SentLedgerIndex index;
    private final Supplier<Consumer<String, byte[]>> consumers;

    public LedgerRestorer(String ledgerTopic, SentLedgerIndex index, Supplier<Consumer<String, byte[]>> consumers) {
        this.ledgerTopic = ledgerTopic;
        this.index = index;
        this.consumers = consumers;
    }

    public void restore(Collection<Integer> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        List<TopicPartition> ledger = partitions.stream().map(p -> new TopicPartition(ledgerTopic, p)).toList();
        long restored = 0;
        try (Consumer<String, byte[]> consumer = consumers.get()) {
            consumer.assign(ledger);
            for (TopicPartition partition : ledger) {
                var checkpoint = index.checkpoint(partition.partition());
                if (checkpoint.isPresent()) {
                    consumer.seek(partition, checkpoint.getAsLong());
                } else {
                    consumer.seekToBeginning(List.of(partition));
                }
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(ledger);
            while (ledger.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    index.recordFinal(record.key());
                    restored++;
                }
            }
            for (TopicPartition partition : ledger) {
                index.checkpoint(partition.partition(), consumer.position(partition));
            }
        }
        LOG.info("Sent ledger: {} entries restored for partitions {}", restored, partitions);
    }
}
