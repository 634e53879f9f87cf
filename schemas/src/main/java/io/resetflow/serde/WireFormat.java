package io.resetflow.serde;

/**
 * Confluent's framing of a serialized record: magic byte 0, the schema id as a 4-byte big-endian
 * int, then the Avro binary encoding. Stock Confluent deserializers read exactly this.
 */
final class WireFormat {

    static final byte MAGIC_BYTE = 0;
    static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }
}
