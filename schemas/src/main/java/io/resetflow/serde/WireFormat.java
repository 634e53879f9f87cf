package io.resetflow.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's framing of a serialized record: magic byte 0, the schema id as a 4-byte big-endian
 * int, then the Avro binary encoding. Stock Confluent deserializers read exactly this.
 */
public final class WireFormat {

    static final byte MAGIC_BYTE = 0;
    public static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    /** The schema id of a framed value; a SerializationException naming the topic when it is not framed. */
    public static int schemaId(String topic, byte[] data) {
        if (data.length < HEADER_SIZE || data[0] != MAGIC_BYTE) {
            throw new SerializationException("Unknown magic byte: record on " + topic
                    + " is not in the Confluent Avro wire format");
        }
        return ((data[1] & 0xFF) << 24) | ((data[2] & 0xFF) << 16) | ((data[3] & 0xFF) << 8) | (data[4] & 0xFF);
    }

    static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }
}
