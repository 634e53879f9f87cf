package io.resetflow.notifier.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * The local index of the sent ledger: which notification ids already have a final outcome. On disk
 * (RocksDB, bloom-filtered, small block cache) because 14.22M mailboxes x 4 notices do not fit in heap;
 * it is a cache of the compacted ledger topic and is rebuilt from it when lost.
 */
public final class SentLedgerIndex implements AutoCloseable {

    private static final byte[] FINAL = {1};
    private static final String CHECKPOINT = "\u0000checkpoint/";

    static {
        RocksDB.loadLibrary();
    }

    private final LRUCache cache;
    private final Options options;
    private final WriteOptions writeOptions;
    private final RocksDB db;

    public SentLedgerIndex(Path dir) {
        try {
            Files.createDirectories(dir);
            cache = new LRUCache(32L * 1024 * 1024);
            BlockBasedTableConfig table = new BlockBasedTableConfig()
                    .setBlockCache(cache)
                    .setFilterPolicy(new BloomFilter(10, false));
            options = new Options().setCreateIfMissing(true).setTableFormatConfig(table);
            // The ledger topic is the durable copy: the local index need not sync every write.
            writeOptions = new WriteOptions().setDisableWAL(false).setSync(false);
            db = RocksDB.open(options, dir.toString());
        } catch (RocksDBException | java.io.IOException e) {
            throw new IllegalStateException("cannot open the sent-ledger index in " + dir + ": " + e.getMessage(), e);
        }
    }

    public boolean isFinal(String notificationId) {
        try {
            return db.get(key(notificationId)) != null;
        } catch (RocksDBException e) {
            throw new IllegalStateException("sent-ledger index read failed", e);
        }
    }

    public void recordFinal(String notificationId) {
        try {
            db.put(writeOptions, key(notificationId), FINAL);
        } catch (RocksDBException e) {
            throw new IllegalStateException("sent-ledger index write failed", e);
        }
    }

    /** The next ledger offset of the partition not yet in the index. */
    public OptionalLong checkpoint(int partition) {
        try {
            byte[] value = db.get(key(CHECKPOINT + partition));
            return value == null ? OptionalLong.empty() : OptionalLong.of(ByteBuffer.wrap(value).getLong());
        } catch (RocksDBException e) {
            throw new IllegalStateException("sent-ledger index read failed", e);
        }
    }

    public void checkpoint(int partition, long nextOffset) {
        try {
            db.put(writeOptions, key(CHECKPOINT + partition), ByteBuffer.allocate(Long.BYTES).putLong(nextOffset).array());
        } catch (RocksDBException e) {
            throw new IllegalStateException("sent-ledger index write failed", e);
        }
    }

    private static byte[] key(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        db.close();
        writeOptions.close();
        options.close();
        cache.close();
    }
}
