package io.resetflow.tracker.timers;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A time-ordered index of due work: key = due time (8 bytes, big-endian, so RocksDB's byte order is
 * time order) followed by the mailbox id. Finding what is due is a range scan up to now, bounded per
 * call; no mailbox that is not due is ever read.
 *
 * <p>The scan starts at a low-water mark instead of the start of time: handled entries are deleted, and
 * RocksDB keeps their tombstones at the front of the key space until compaction, so a scan from the
 * start would step over every timer already handled that day (millions on a reminder day). The mark
 * is the due time of the last entry handled, lowered by any entry added below it; it lives in memory
 * only, so after a restart the first scan starts from the beginning again.
 */
public final class DueIndex {

    private static final byte[] NOTHING = new byte[0];
    private static final long START_OF_TIME = Long.MIN_VALUE;

    private final KeyValueStore<Bytes, byte[]> store;
    /** No entry is due earlier than this (epoch millis). */
    private long lowWaterMark = START_OF_TIME;

    public DueIndex(KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
    }

    public record Entry(Instant dueAt, String mailboxId) {
    }

    public void add(Instant dueAt, String mailboxId) {
        store.put(key(dueAt, mailboxId), NOTHING);
        lowWaterMark = Math.min(lowWaterMark, dueAt.toEpochMilli());
    }

    public void remove(Instant dueAt, String mailboxId) {
        store.delete(key(dueAt, mailboxId));
    }

    /**
     * Records that the entry was handled: removed, or replaced by a later one. Nothing earlier than it
     * is left, apart from what is added afterwards.
     */
    public void handled(Entry entry) {
        lowWaterMark = Math.max(lowWaterMark, entry.dueAt().toEpochMilli());
    }

    /** At most {@code limit} entries due at or before {@code now}, earliest first. */
    public List<Entry> dueUpTo(Instant now, int limit) {
        List<Entry> due = new ArrayList<>(Math.min(limit, 1024));
        Bytes from = Bytes.wrap(ByteBuffer.allocate(Long.BYTES).putLong(sortable(lowWaterMark)).array());
        Bytes to = Bytes.wrap(ByteBuffer.allocate(Long.BYTES).putLong(sortable(now.toEpochMilli() + 1)).array());
        try (KeyValueIterator<Bytes, byte[]> range = store.range(from, to)) {
            while (range.hasNext() && due.size() < limit) {
                due.add(decode(range.next().key));
            }
        }
        return due;
    }

    static Bytes key(Instant dueAt, String mailboxId) {
        byte[] id = mailboxId.getBytes(StandardCharsets.UTF_8);
        return Bytes.wrap(ByteBuffer.allocate(Long.BYTES + id.length)
                .putLong(sortable(dueAt.toEpochMilli())).put(id).array());
    }

    /** Sign bit flipped: unsigned byte order then equals signed time order, before 1970 included. */
    private static long sortable(long millis) {
        return millis ^ Long.MIN_VALUE;
    }

    private static Entry decode(Bytes key) {
        ByteBuffer buffer = ByteBuffer.wrap(key.get());
        long millis = sortable(buffer.getLong());
        String id = new String(key.get(), Long.BYTES, key.get().length - Long.BYTES, StandardCharsets.UTF_8);
        return new Entry(Instant.ofEpochMilli(millis), id);
    }
}
