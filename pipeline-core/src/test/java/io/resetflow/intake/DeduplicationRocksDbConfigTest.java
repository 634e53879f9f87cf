package io.resetflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class DeduplicationRocksDbConfigTest {

    static {
        RocksDB.loadLibrary();
    }

    private final DeduplicationRocksDbConfig config = new DeduplicationRocksDbConfig();

    @Test
    void givesTheDeduplicationStoreAWholeKeyMemtableBloomFilter() {
        try (Options options = new Options()) {
            config.setConfig(Deduplication.STORE, options, Map.of());

            assertThat(options.memtableWholeKeyFiltering()).isTrue();
            assertThat(options.memtablePrefixBloomSizeRatio()).isEqualTo(DeduplicationRocksDbConfig.MEMTABLE_BLOOM_RATIO);
        }
    }

    @Test
    void keepsBloomFiltersOnTheLastLevelWhereMostAbsentMailboxesAreLookedFor() {
        try (Options options = new Options()) {
            options.setOptimizeFiltersForHits(true); // as Kafka Streams sets it before calling the setter

            config.setConfig(Deduplication.STORE, options, Map.of());

            assertThat(options.optimizeFiltersForHits()).isFalse();
        }
    }

    @Test
    void leavesEveryOtherStoreAsKafkaStreamsConfiguresIt() {
        try (Options options = new Options()) {
            options.setOptimizeFiltersForHits(true);

            config.setConfig("another-store", options, Map.of());

            assertThat(options.optimizeFiltersForHits()).isTrue();
            assertThat(options.memtableWholeKeyFiltering()).isFalse();
            assertThat(options.memtablePrefixBloomSizeRatio()).isZero();
        }
    }
}
