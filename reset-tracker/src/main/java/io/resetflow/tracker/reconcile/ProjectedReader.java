package io.resetflow.tracker.reconcile;

import io.resetflow.registry.SchemaRegistryClient;
import io.resetflow.serde.WireFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Reads only the named fields of a registry-framed Avro value: the writer's other fields (addresses,
 * brands, replies) are skipped, not decoded, and the record and its strings are reused from one
 * value to the next. One per reading thread; the record it returns is valid until the next read.
 */
final class ProjectedReader {

    private final SchemaRegistryClient registry;
    private final Schema projection;
    private final Map<Integer, GenericDatumReader<GenericRecord>> readers = new HashMap<>();
    private BinaryDecoder decoder;
    private GenericRecord reused;

    /** Field i of what {@link #read} returns is {@code fields[i]} of the type. */
    ProjectedReader(SchemaRegistryClient registry, Class<? extends SpecificRecord> type, String... fields) {
        this.registry = registry;
        Schema full = SpecificData.get().getSchema(type);
        List<Schema.Field> kept = new ArrayList<>();
        for (String name : fields) {
            Schema.Field field = full.getField(name);
            if (field == null) {
                throw new IllegalArgumentException(full.getFullName() + " has no field " + name);
            }
            kept.add(new Schema.Field(field, field.schema()));
        }
        this.projection = Schema.createRecord(full.getName(), full.getDoc(), full.getNamespace(), false, kept);
    }

    GenericRecord read(String topic, byte[] data) {
        int id = WireFormat.schemaId(topic, data);
        try {
            GenericDatumReader<GenericRecord> reader = readers.computeIfAbsent(id,
                    key -> new GenericDatumReader<>(registry.schemaById(key), projection));
            decoder = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, decoder);
            reused = reader.read(reused, decoder);
            return reused;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot deserialize record with schema id " + id + " from " + topic, e);
        }
    }
}
