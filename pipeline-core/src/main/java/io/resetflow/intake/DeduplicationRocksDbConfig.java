package io.resetflow.intake;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.Options;

/**
 * The de-duplication store answers "seen this mailbox before?" once per row, and for nearly every row
 * the answer is no. RocksDB finds an absent key in its on-disk files through their bloom filters, but
 * searches the memtables (where the newest 50 MB of mailboxes live) key by key; those searches were a
 * quarter of intake's CPU. A whole-key bloom filter on the memtables answers most of them at once.
 * Other stores keep Kafka Streams' defaults.
 */
public final class DeduplicationRocksDbConfig implements RocksDBConfigSetter {

    /** Share of each memtable given to its bloom filter (RocksDB suggests up to 0.25). */
    static final double MEMTABLE_BLOOM_RATIO = 0.1;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        if (Deduplication.STORE.equals(storeName)) {
            options.setMemtablePrefixBloomSizeRatio(MEMTABLE_BLOOM_RATIO);
            options.setMemtableWholeKeyFiltering(true);
        }
    }

    @Override
    public void close(String storeName, Options options) {
        // Nothing of its own to release: the options are Kafka Streams'.
    }
}
