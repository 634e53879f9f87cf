package io.resetflow.tracker.bytes;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@link java.io.DataOutput}'s encoding of bytes, shorts, ints, longs and strings (modified UTF-8
 * behind a two-byte length) on a plain array, without the stream classes' per-byte synchronized
 * calls: the tracker's stored mailboxes and reconciliation's spilled facts.
 */
public final class StoredBytes {

    private static final int MAX_UTF_BYTES = 65_535;

    private StoredBytes() {
    }

    public static final class Writer {

        private byte[] bytes;
        private int size;

        public Writer(int capacity) {
            bytes = new byte[capacity];
        }

        public void putByte(int value) {
            ensure(1);
            bytes[size++] = (byte) value;
        }

        public void putShort(int value) {
            ensure(2);
            bytes[size++] = (byte) (value >>> 8);
            bytes[size++] = (byte) value;
        }

        public void putInt(int value) {
            ensure(4);
            for (int shift = 24; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (value >>> shift);
            }
        }

        public void putLong(long value) {
            ensure(8);
            for (int shift = 56; shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (value >>> shift);
            }
        }

        public void putUtf(String value) {
            int length = value.length();
            if (length <= MAX_UTF_BYTES && putPlainAscii(value)) {
                return;
            }
            int encoded = 0;
            for (int i = 0; i < length; i++) {
                char c = value.charAt(i);
                encoded += c >= 0x0001 && c <= 0x007F ? 1 : c <= 0x07FF ? 2 : 3;
            }
            if (encoded > MAX_UTF_BYTES) {
                throw new IllegalArgumentException("string too long to store: " + encoded + " bytes");
            }
            putShort(encoded);
            ensure(encoded);
            for (int i = 0; i < length; i++) {
                char c = value.charAt(i);
                if (c >= 0x0001 && c <= 0x007F) {
                    bytes[size++] = (byte) c;
                } else if (c <= 0x07FF) {
                    bytes[size++] = (byte) (0xC0 | (c >> 6));
                    bytes[size++] = (byte) (0x80 | (c & 0x3F));
                } else {
                    bytes[size++] = (byte) (0xE0 | (c >> 12));
                    bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    bytes[size++] = (byte) (0x80 | (c & 0x3F));
                }
            }
        }

        /**
         * ASCII without NUL is the same in modified UTF-8, one byte a character: copied as is. False,
         * with nothing written, for any other text.
         */
        private boolean putPlainAscii(String value) {
            int length = value.length();
            ensure(2 + length);
            int at = size + 2;
            for (int i = 0; i < length; i++) {
                char c = value.charAt(i);
                if (c == 0 || c > 0x7F) {
                    return false;
                }
                bytes[at + i] = (byte) c;
            }
            putShort(length);
            size += length;
            return true;
        }

        public byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }

    public static final class Reader {

        private final ByteBuffer buffer;

        public Reader(byte[] bytes) {
            buffer = ByteBuffer.wrap(bytes);
        }

        public byte getByte() {
            return buffer.get();
        }

        public short getShort() {
            return buffer.getShort();
        }

        public int getInt() {
            return buffer.getInt();
        }

        public long getLong() {
            return buffer.getLong();
        }

        public String getUtf() {
            int encoded = buffer.getShort() & 0xFFFF;
            if (isPlainAscii(buffer.array(), buffer.position(), encoded)) {
                String ascii = new String(buffer.array(), buffer.position(), encoded, StandardCharsets.US_ASCII);
                buffer.position(buffer.position() + encoded);
                return ascii;
            }
            char[] chars = new char[encoded];
            int count = 0;
            int end = buffer.position() + encoded;
            while (buffer.position() < end) {
                int a = buffer.get() & 0xFF;
                if (a < 0x80) {
                    chars[count++] = (char) a;
                } else if ((a & 0xE0) == 0xC0) {
                    int b = continuation();
                    chars[count++] = (char) (((a & 0x1F) << 6) | b);
                } else if ((a & 0xF0) == 0xE0) {
                    int b = continuation();
                    int c = continuation();
                    chars[count++] = (char) (((a & 0x0F) << 12) | (b << 6) | c);
                } else {
                    throw new IllegalArgumentException("malformed modified UTF-8");
                }
            }
            if (buffer.position() != end) {
                throw new IllegalArgumentException("modified UTF-8 runs past its length");
            }
            return new String(chars, 0, count);
        }

        private static boolean isPlainAscii(byte[] bytes, int from, int length) {
            if (from + length > bytes.length) {
                throw new BufferUnderflowException();
            }
            for (int i = from; i < from + length; i++) {
                if (bytes[i] <= 0) {
                    return false;
                }
            }
            return true;
        }

        private int continuation() {
            int b = buffer.get() & 0xFF;
            if ((b & 0xC0) != 0x80) {
                throw new IllegalArgumentException("malformed modified UTF-8");
            }
            return b & 0x3F;
        }
    }
}
