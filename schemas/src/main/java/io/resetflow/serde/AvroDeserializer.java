package io.resetflow.serde;

import io.resetflow.registry.CachingSchemaRegistryClient;
import io.resetflow.registry.SchemaRegistryClient;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-framed Avro. The writer schema is fetched by the id in the frame, so records
 * written with an older (or newer) compatible schema decode into the reader's type. With a target
 * class, or with {@code specific.avro.reader=true}, it returns SpecificRecords; otherwise
 * GenericRecords.
 */
public class AvroDeserializer<T> implements Deserializer<T> {

    private final Class<? extends SpecificRecord> targetType;
    private SchemaRegistryClient registry;
    private boolean specificReader;
    private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();

    /** For use by Kafka from configuration. */
    public AvroDeserializer() {
        this.targetType = null;
    }

    /** Bound to the given registry; {@code specific.avro.reader} chooses specific or generic records. */
    public AvroDeserializer(SchemaRegistryClient registry) {
        this.targetType = null;
        this.registry = new CachingSchemaRegistryClient(registry);
    }

    /** Always decodes into the given SpecificRecord class, resolving from the writer's schema. */
    public AvroDeserializer(Class<? extends SpecificRecord> targetType, SchemaRegistryClient registry) {
        this.targetType = targetType;
        this.specificReader = true;
        this.registry = registry == null ? null : new CachingSchemaRegistryClient(registry);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = AvroSerdeConfig.from(configs);
        specificReader = targetType != null || config.specificAvroReader();
        if (registry == null) {
            registry = RegistryClients.from(config);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (registry == null) {
            throw new SerializationException("AvroDeserializer is not configured: set schema.registry.url");
        }
        int id = WireFormat.schemaId(topic, data);
        try {
            DatumReader<Object> reader = readers.computeIfAbsent(id, this::readerFor);
            return (T) reader.read(null, DecoderFactory.get().binaryDecoder(
                    data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, null));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot deserialize record with schema id " + id + " from " + topic, e);
        }
    }

    private DatumReader<Object> readerFor(int id) {
        Schema writer = registry.schemaById(id);
        if (!specificReader) {
            return new GenericDatumReader<>(writer);
        }
        Schema reader = targetType != null ? SpecificData.get().getSchema(targetType) : readerSchemaFor(writer);
        return new SpecificDatumReader<>(writer, reader, SpecificData.getForSchema(reader));
    }

    private static Schema readerSchemaFor(Schema writer) {
        Class<?> type = SpecificData.get().getClass(writer);
        if (type == null) {
            throw new SerializationException("No SpecificRecord class for " + writer.getFullName()
                    + " on the classpath; set specific.avro.reader=false to read GenericRecords");
        }
        return SpecificData.get().getSchema(type);
    }
}
