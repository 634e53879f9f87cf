package io.resetflow.tracker.reconcile;

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
        byte[] key = new byte[id.length + 2 + extra.length + Long.BYTES];
        int at = head(key, id, kind, extra);
        for (int shift = 56; shift >= 0; shift -= 8) {
            key[at++] = (byte) (sequence >>> shift);
        }
        return key;
    }

    /** A fact whose latest version is the one that counts: versions share the key. */
    static byte[] latest(String mailboxId, FactKind kind, String discriminator) {
        byte[] id = bytes(mailboxId);
        byte[] extra = bytes(discriminator);
        byte[] key = new byte[id.length + 2 + extra.length];
        head(key, id, kind, extra);
        return key;
    }

    private static int head(byte[] key, byte[] id, FactKind kind, byte[] extra) {
        System.arraycopy(id, 0, key, 0, id.length);
        key[id.length] = SEPARATOR;
        key[id.length + 1] = kind.code();
        System.arraycopy(extra, 0, key, id.length + 2, extra.length);
        return id.length + 2 + extra.length;
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
        if (text == null) {
            return new byte[0];
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] == SEPARATOR) {
                utf8[i] = '?';
            }
        }
        return utf8;
    }
}
