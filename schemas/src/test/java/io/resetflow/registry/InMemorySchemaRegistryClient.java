package io.resetflow.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * A registry held in memory, with Confluent's id semantics (one global id per distinct schema) and
 * BACKWARD compatibility per subject. For topology tests, where no HTTP registry runs.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

    private final Map<Schema, Integer> idsBySchema = new HashMap<>();
    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, List<Schema>> versionsBySubject = new HashMap<>();

    @Override
    public synchronized int register(String subject, Schema schema) {
        List<Schema> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(schema)) {
            if (!isCompatible(subject, schema)) {
                throw new SchemaRegistryException(SchemaRegistryException.INCOMPATIBLE_SCHEMA,
                        "Schema being registered is incompatible with the latest version of " + subject);
            }
            versions.add(schema);
        }
        return idsBySchema.computeIfAbsent(schema, s -> {
            int id = idsBySchema.size() + 1;
            schemasById.put(id, s);
            return id;
        });
    }

    @Override
    public synchronized Optional<Integer> idOf(String subject, Schema schema) {
        List<Schema> versions = versionsBySubject.getOrDefault(subject, List.of());
        return versions.contains(schema) ? Optional.of(idsBySchema.get(schema)) : Optional.empty();
    }

    @Override
    public synchronized Schema schemaById(int id) {
        Schema schema = schemasById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException(SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
        }
        return schema;
    }

    @Override
    public synchronized Optional<RegisteredSchema> latest(String subject) {
        List<Schema> versions = versionsBySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            return Optional.empty();
        }
        Schema schema = versions.get(versions.size() - 1);
        return Optional.of(new RegisteredSchema(subject, versions.size(), idsBySchema.get(schema), schema));
    }

    @Override
    public synchronized boolean isCompatible(String subject, Schema schema) {
        return latest(subject)
                .map(previous -> SchemaCompatibility.checkReaderWriterCompatibility(schema, previous.schema())
                        .getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE)
                .orElse(true);
    }
}
