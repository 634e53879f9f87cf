package io.resetflow.embedded.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * The registry's state in memory: subjects and their versions, schemas by global id, compatibility levels.
 * It changes only by applying log records, and applying a record twice changes nothing.
 */
final class SchemaStore {

    static final CompatibilityLevel DEFAULT_LEVEL = CompatibilityLevel.BACKWARD;

    private final Map<Integer, Schema> schemasById = new HashMap<>();
    private final Map<String, Integer> idsByCanonicalSchema = new HashMap<>();
    private final Map<String, TreeMap<Integer, Integer>> idsByVersionBySubject = new TreeMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel = DEFAULT_LEVEL;
    private int maxId;

    synchronized void apply(RegistryRecord record) {
        if (record instanceof RegistryRecord.SchemaRegistered registered) {
            Schema schema = AvroSchemas.parse(registered.schema());
            schemasById.put(registered.id(), schema);
            idsByCanonicalSchema.put(AvroSchemas.canonical(schema), registered.id());
            idsByVersionBySubject.computeIfAbsent(registered.subject(), s -> new TreeMap<>())
                    .put(registered.version(), registered.id());
            maxId = Math.max(maxId, registered.id());
        } else if (record instanceof RegistryRecord.CompatibilitySet set) {
            if (set.subject() == null) {
                globalLevel = set.level();
            } else {
                subjectLevels.put(set.subject(), set.level());
            }
        }
    }

    synchronized List<String> subjects() {
        return List.copyOf(idsByVersionBySubject.keySet());
    }

    synchronized boolean hasSubject(String subject) {
        return idsByVersionBySubject.containsKey(subject);
    }

    /** Versions of the subject, oldest first; empty when the subject is unknown. */
    synchronized List<RegisteredVersion> versions(String subject) {
        List<RegisteredVersion> versions = new ArrayList<>();
        idsByVersionBySubject.getOrDefault(subject, new TreeMap<>()).forEach((version, id) ->
                versions.add(new RegisteredVersion(subject, version, id, AvroSchemas.canonical(schemasById.get(id)))));
        return versions;
    }

    /** The parsed schemas of the subject's versions, oldest first. */
    synchronized List<Schema> schemas(String subject) {
        return idsByVersionBySubject.getOrDefault(subject, new TreeMap<>()).values().stream()
                .map(schemasById::get).toList();
    }

    synchronized Optional<RegisteredVersion> version(String subject, int version) {
        TreeMap<Integer, Integer> versions = idsByVersionBySubject.get(subject);
        if (versions == null || !versions.containsKey(version)) {
            return Optional.empty();
        }
        int id = versions.get(version);
        return Optional.of(new RegisteredVersion(subject, version, id, AvroSchemas.canonical(schemasById.get(id))));
    }

    synchronized Optional<RegisteredVersion> latest(String subject) {
        TreeMap<Integer, Integer> versions = idsByVersionBySubject.get(subject);
        return versions == null || versions.isEmpty() ? Optional.empty() : version(subject, versions.lastKey());
    }

    /** The version under which this exact schema is registered in the subject, if it is. */
    synchronized Optional<RegisteredVersion> find(String subject, Schema schema) {
        Integer id = idsByCanonicalSchema.get(AvroSchemas.canonical(schema));
        TreeMap<Integer, Integer> versions = idsByVersionBySubject.get(subject);
        if (id == null || versions == null) {
            return Optional.empty();
        }
        return versions.entrySet().stream().filter(entry -> entry.getValue().equals(id)).findFirst()
                .flatMap(entry -> version(subject, entry.getKey()));
    }

    synchronized Optional<Schema> schemaById(int id) {
        return Optional.ofNullable(schemasById.get(id));
    }

    /** The global id this schema already has under any subject, or the next free one. */
    synchronized int idFor(Schema schema) {
        return idsByCanonicalSchema.getOrDefault(AvroSchemas.canonical(schema), maxId + 1);
    }

    synchronized int nextVersion(String subject) {
        TreeMap<Integer, Integer> versions = idsByVersionBySubject.get(subject);
        return versions == null || versions.isEmpty() ? 1 : versions.lastKey() + 1;
    }

    synchronized CompatibilityLevel globalLevel() {
        return globalLevel;
    }

    /** The subject's own level, else the global one. */
    synchronized CompatibilityLevel levelFor(String subject) {
        return subjectLevels.getOrDefault(subject, globalLevel);
    }
}
