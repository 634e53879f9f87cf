package io.resetflow.intake;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.Options;

/**
 * The de-duplication store answers "seen this mailbox before?" once per row, and for nearly every row
 * the answer is no. Kafka Streams tunes its stores for lookups that find their key: it leaves the
 * bloom filter out of the last level ({@code optimize_filters_for_hits}), where most mailboxes live,
 * so each absent mailbox cost a search of that level's index and a data block read. And RocksDB
 * searches the memtables (the newest mailboxes) key by key. This store gets bloom filters on every
 * level and a whole-key bloom filter on its memtables, so an absent mailbox is mostly answered
 * without touching a key. Other stores keep Kafka Streams' defaults.
 */
public final class DeduplicationRocksDbConfig implements RocksDBConfigSetter {

    /** Share of each memtable given to its bloom filter (RocksDB suggests up to 0.25). */
    static final double MEMTABLE_BLOOM_RATIO = 0.1;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        if (Deduplication.STORE.equals(storeName)) {
            options.setOptimizeFiltersForHits(false);
            options.setMemtablePrefixBloomSizeRatio(MEMTABLE_BLOOM_RATIO);
            options.setMemtableWholeKeyFiltering(true);
        }
    }

    @Override
    public void close(String storeName, Options options) {
        // Nothing of its own to release: the options are Kafka Streams'.
    }
}
