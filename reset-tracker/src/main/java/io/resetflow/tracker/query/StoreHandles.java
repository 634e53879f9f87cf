package io.resetflow.tracker.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Handles on the running application's stores and on where keys live. Every method may throw
 * {@link org.apache.kafka.streams.errors.InvalidStateStoreException} while stores restore or move;
 * the query service turns that into "unavailable".
 */
public final class StoreHandles {

    private final KafkaStreams streams;
    private final HostInfo self;
    private final String mailboxTopic;

    /** {@code mailboxTopic}: a source topic of the mailbox stores, naming their partitions. */
    public StoreHandles(KafkaStreams streams, HostInfo self, String mailboxTopic) {
        this.streams = streams;
        this.self = self;
        this.mailboxTopic = mailboxTopic;
    }

    public HostInfo self() {
        return self;
    }

    public <V> ReadOnlyKeyValueStore<String, V> local(String store) {
        return streams.store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<String, V>keyValueStore()));
    }

    /** One handle per mailbox partition this instance is active for, so each can be range-scanned in order. */
    public <V> List<ReadOnlyKeyValueStore<String, V>> localPartitions(String store) {
        List<ReadOnlyKeyValueStore<String, V>> handles = new ArrayList<>();
        for (int partition : localMailboxPartitions()) {
            handles.add(streams.store(StoreQueryParameters.fromNameAndType(store,
                    QueryableStoreTypes.<String, V>keyValueStore()).withPartition(partition)));
        }
        return handles;
    }

    public KeyQueryMetadata ownerOf(String store, String key, Serializer<String> keySerializer) {
        return streams.queryMetadataForKey(store, key, keySerializer);
    }

    public KeyQueryMetadata ownerOf(String store, String key, StreamPartitioner<String, ?> partitioner) {
        return streams.queryMetadataForKey(store, key, partitioner);
    }

    /** The other instances holding partitions of the store. */
    public List<HostInfo> otherHosts(String store) {
        return streams.streamsMetadataForStore(store).stream().map(StreamsMetadata::hostInfo)
                .filter(host -> !host.equals(self)).distinct().toList();
    }

    public boolean isRunning() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    private Set<Integer> localMailboxPartitions() {
        Set<Integer> partitions = new TreeSet<>();
        streams.metadataForLocalThreads().forEach(thread -> thread.activeTasks().forEach(task ->
                task.topicPartitions().stream().filter(tp -> tp.topic().equals(mailboxTopic))
                        .forEach(tp -> partitions.add(tp.partition()))));
        return partitions;
    }
}
