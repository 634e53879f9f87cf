package io.resetflow.serde;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Where one thread encodes its records, one at a time: a growable array that is not synchronized
 * (ByteArrayOutputStream takes a lock on every byte Avro writes) and one buffered Avro encoder over
 * it, both kept from record to record. An array grown by an unusually large record is let go after
 * it, so a thread keeps at most {@link #KEPT_CAPACITY} bytes.
 */
final class RecordBuffer extends OutputStream {

    static final int INITIAL_CAPACITY = 512;
    static final int KEPT_CAPACITY = 64 * 1024;

    private byte[] bytes = new byte[INITIAL_CAPACITY];
    private int size;
    private final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(this, null);

    /** Empties the buffer for the next record. */
    RecordBuffer reset() {
        size = 0;
        return this;
    }

    /** The encoder writing into this buffer; call {@link #toByteArray()} after the record, which flushes it. */
    BinaryEncoder encoder() {
        return encoder;
    }

    void writeInt(int value) {
        ensureRoom(4);
        bytes[size++] = (byte) (value >>> 24);
        bytes[size++] = (byte) (value >>> 16);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
    }

    @Override
    public void write(int b) {
        ensureRoom(1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int length) {
        ensureRoom(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    /** Everything written since the last reset, the encoder's buffer included. */
    byte[] toByteArray() throws IOException {
        encoder.flush();
        byte[] written = Arrays.copyOf(bytes, size);
        if (bytes.length > KEPT_CAPACITY) {
            bytes = new byte[INITIAL_CAPACITY];
        }
        return written;
    }

    int capacity() {
        return bytes.length;
    }

    private void ensureRoom(int length) {
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + length));
        }
    }
}
