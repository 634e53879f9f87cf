package io.resetflow.serde;

import io.resetflow.registry.CachingSchemaRegistryClient;
import io.resetflow.registry.SchemaRegistryClient;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro records (specific or generic) in Confluent's wire format, registering or looking up
 * the schema under the topic-name subject ({@code <topic>-value} / {@code <topic>-key}).
 */
public class AvroSerializer<T extends GenericContainer> implements Serializer<T> {

    private SchemaRegistryClient registry;
    private boolean autoRegister = true;
    private boolean isKey;
    private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    /** The schema, id and writer last used per topic: the hot path needs no subject string or cache key per record. */
    private final Map<String, TopicSchema> byTopic = new ConcurrentHashMap<>();
    /** Stream threads share one serializer; each encodes into a buffer of its own. */
    private final ThreadLocal<RecordBuffer> buffers = ThreadLocal.withInitial(RecordBuffer::new);

    private record TopicSchema(Schema schema, int id, DatumWriter<Object> writer) {
    }

    /** For use by Kafka from configuration ({@code schema.registry.url} and friends). */
    public AvroSerializer() {
    }

    /** With a given registry client, e.g. an in-memory one in topology tests. */
    public AvroSerializer(SchemaRegistryClient registry) {
        this.registry = new CachingSchemaRegistryClient(registry);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = AvroSerdeConfig.from(configs);
        this.isKey = isKey;
        this.autoRegister = config.autoRegisterSchemas();
        if (registry == null) {
            registry = RegistryClients.from(config);
        }
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        if (registry == null) {
            throw new SerializationException("AvroSerializer is not configured: set schema.registry.url");
        }
        Schema schema = record.getSchema();
        TopicSchema known = byTopic.get(topic);
        TopicSchema target = known != null && known.schema() == schema ? known : resolve(topic, schema);
        RecordBuffer buffer = buffers.get().reset();
        try {
            buffer.write(WireFormat.MAGIC_BYTE);
            buffer.writeInt(target.id());
            target.writer().write(record, buffer.encoder());
            return buffer.toByteArray();
        } catch (IOException | RuntimeException e) {
            // The encoder may hold part of the failed record; the next record starts on a fresh buffer.
            buffers.remove();
            throw new SerializationException("Cannot serialize " + schema.getFullName() + " for topic " + topic, e);
        }
    }

    /**
     * Registers (or looks up) the schema for the topic now, so that the first record written there does
     * not wait on the registry, and a registry that is down or refuses the schema fails a start-up
     * instead of a write that follows a side effect (a mail sent whose outcome cannot be written).
     */
    public void prepare(String topic, Schema schema) {
        if (registry == null) {
            throw new SerializationException("AvroSerializer is not configured: set schema.registry.url");
        }
        resolve(topic, schema);
    }

    private TopicSchema resolve(String topic, Schema schema) {
        String subject = WireFormat.subject(topic, isKey);
        int id = autoRegister
                ? registry.register(subject, schema)
                : registry.idOf(subject, schema).orElseThrow(() -> new SerializationException(
                        "Schema " + schema.getFullName() + " is not registered under subject " + subject
                                + " and auto.register.schemas is false"));
        TopicSchema resolved = new TopicSchema(schema, id, writers.computeIfAbsent(schema, AvroSerializer::writerFor));
        byTopic.put(topic, resolved);
        return resolved;
    }

    @SuppressWarnings("unchecked")
    private static DatumWriter<Object> writerFor(Schema schema) {
        SpecificData specific = SpecificData.getForSchema(schema);
        boolean hasSpecificClass = specific.getClass(schema) != null
                && SpecificRecord.class.isAssignableFrom(specific.getClass(schema));
        return hasSpecificClass
                ? new SpecificDatumWriter<>(schema, specific)
                : (DatumWriter<Object>) (DatumWriter<?>) new GenericDatumWriter<>(schema);
    }
}
