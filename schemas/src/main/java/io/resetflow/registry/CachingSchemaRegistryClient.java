package io.resetflow.registry;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Remembers ids and schemas, which never change once assigned, so a serde asks the registry once
 * per schema and not once per record.
 */
public final class CachingSchemaRegistryClient implements SchemaRegistryClient {

    private record SubjectSchema(String subject, Schema schema) {
    }

    private final SchemaRegistryClient delegate;
    private final Map<SubjectSchema, Integer> registered = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> byId = new ConcurrentHashMap<>();

    public CachingSchemaRegistryClient(SchemaRegistryClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public int register(String subject, Schema schema) {
        return registered.computeIfAbsent(new SubjectSchema(subject, schema),
                key -> delegate.register(key.subject(), key.schema()));
    }

    @Override
    public Optional<Integer> idOf(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = registered.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Integer> id = delegate.idOf(subject, schema);
        id.ifPresent(found -> registered.put(key, found));
        return id;
    }

    @Override
    public Schema schemaById(int id) {
        return byId.computeIfAbsent(id, delegate::schemaById);
    }

    @Override
    public Optional<RegisteredSchema> latest(String subject) {
        return delegate.latest(subject);
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        return delegate.isCompatible(subject, schema);
    }
}
