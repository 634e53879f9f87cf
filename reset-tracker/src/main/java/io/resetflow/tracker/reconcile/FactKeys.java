package io.resetflow.tracker.reconcile;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Fact keys: {@code mailboxId 0x00 kind [discriminator] [sequence]}. A mailbox id never holds a zero
 * byte, so every fact of one mailbox sorts together; a fact that may occur more than once (a row, an
 * outcome) ends in the sequence of its reading, one that replaces the previous (a status, a command
 * version) ends in its discriminator alone, so the last one read is the one kept.
 */
final class FactKeys {

    private static final byte SEPARATOR = 0;

    private FactKeys() {
    }

    /** A fact read once per occurrence: each gets a key of its own. */
    static byte[] each(String mailboxId, FactKind kind, String discriminator, long sequence) {
        byte[] id = bytes(mailboxId);
        byte[] extra = bytes(discriminator);
        return ByteBuffer.allocate(id.length + 2 + extra.length + Long.BYTES)
                .put(id).put(SEPARATOR).put(kind.code()).put(extra).putLong(sequence).array();
    }

    /** A fact whose latest version is the one that counts: versions share the key. */
    static byte[] latest(String mailboxId, FactKind kind, String discriminator) {
        byte[] id = bytes(mailboxId);
        byte[] extra = bytes(discriminator);
        return ByteBuffer.allocate(id.length + 2 + extra.length)
                .put(id).put(SEPARATOR).put(kind.code()).put(extra).array();
    }

    static int mailboxEnd(byte[] key) {
        for (int i = 0; i < key.length; i++) {
            if (key[i] == SEPARATOR) {
                return i;
            }
        }
        return key.length;
    }

    static FactKind kindOf(byte[] key, int mailboxEnd) {
        return FactKind.of(key[mailboxEnd + 1]);
    }

    private static byte[] bytes(String text) {
        return text == null ? new byte[0] : text.replace('\u0000', '?').getBytes(StandardCharsets.UTF_8);
    }
}
