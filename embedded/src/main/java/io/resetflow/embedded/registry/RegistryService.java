package io.resetflow.embedded.registry;

import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The registry's operations. Reads answer from memory; writes go one at a time through the log and are
 * applied to memory only once the log has them, so an acknowledged registration survives a restart.
 */
final class RegistryService {

    private static final String LATEST = "latest";

    private final SchemaStore store;
    private final KafkaSchemaLog log;
    private final CompatibilityChecker checker;
    private final Object writeLock = new Object();
    private boolean mayHaveMissedRecords;

    RegistryService(SchemaStore store, KafkaSchemaLog log, CompatibilityChecker checker) {
        this.store = store;
        this.log = log;
        this.checker = checker;
    }

    /** The schema's global id under the subject, registering it as a new version when it is not there yet. */
    int register(String subject, String schemaText) {
        Schema schema = AvroSchemas.parse(schemaText);
        Optional<RegisteredVersion> existing = store.find(subject, schema);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        synchronized (writeLock) {
            catchUpIfNeeded();
            existing = store.find(subject, schema);
            if (existing.isPresent()) {
                return existing.get().id();
            }
            CompatibilityLevel level = store.levelFor(subject);
            List<String> problems = checker.incompatibilities(schema, store.schemas(subject), level);
            if (!problems.isEmpty()) {
                throw RegistryException.incompatible(subject, level, problems);
            }
            RegistryRecord.SchemaRegistered record = new RegistryRecord.SchemaRegistered(subject,
                    store.nextVersion(subject), store.idFor(schema), AvroSchemas.canonical(schema));
            write(record);
            return record.id();
        }
    }

    RegisteredVersion lookup(String subject, String schemaText) {
        Schema schema = AvroSchemas.parse(schemaText);
        requireSubject(subject);
        return store.find(subject, schema).orElseThrow(() -> RegistryException.schemaNotFound("under subject '"
                + subject + "'"));
    }

    List<String> subjects() {
        return store.subjects();
    }

    List<Integer> versions(String subject) {
        requireSubject(subject);
        return store.versions(subject).stream().map(RegisteredVersion::version).toList();
    }

    RegisteredVersion version(String subject, String versionText) {
        Optional<Integer> version = parseVersion(versionText);
        requireSubject(subject);
        return (version.isEmpty() ? store.latest(subject) : store.version(subject, version.get()))
                .orElseThrow(() -> RegistryException.versionNotFound(subject, versionText));
    }

    String schemaById(String idText) {
        try {
            int id = Integer.parseInt(idText);
            return store.schemaById(id).map(AvroSchemas::canonical)
                    .orElseThrow(() -> RegistryException.schemaNotFound("with id " + id));
        } catch (NumberFormatException e) {
            throw RegistryException.schemaNotFound("with id " + idText);
        }
    }

    /**
     * Whether the schema could be registered: against the given version only, or, for "latest", against what
     * the subject's level compares a registration with.
     */
    List<String> incompatibilities(String subject, String versionText, String schemaText) {
        Optional<Integer> version = parseVersion(versionText);
        Schema schema = AvroSchemas.parse(schemaText);
        requireSubject(subject);
        CompatibilityLevel level = store.levelFor(subject);
        if (version.isEmpty()) {
            return checker.incompatibilities(schema, store.schemas(subject), level);
        }
        RegisteredVersion against = store.version(subject, version.get())
                .orElseThrow(() -> RegistryException.versionNotFound(subject, versionText));
        return checker.incompatibilities(schema, List.of(AvroSchemas.parse(against.schema())), level);
    }

    CompatibilityLevel compatibility(Optional<String> subject) {
        return subject.map(store::levelFor).orElseGet(store::globalLevel);
    }

    CompatibilityLevel setCompatibility(Optional<String> subject, String levelText) {
        CompatibilityLevel level = CompatibilityLevel.parse(levelText)
                .orElseThrow(() -> RegistryException.invalidCompatibilityLevel(levelText));
        synchronized (writeLock) {
            catchUpIfNeeded();
            write(new RegistryRecord.CompatibilitySet(subject.orElse(null), level));
        }
        return level;
    }

    private void write(RegistryRecord record) {
        try {
            log.append(record);
        } catch (RuntimeException e) {
            // The record may have been written all the same: read the log before the next write decides anything.
            mayHaveMissedRecords = true;
            throw RegistryException.storeError(e.getMessage(), e);
        }
        store.apply(record);
    }

    private void catchUpIfNeeded() {
        if (mayHaveMissedRecords) {
            try {
                log.catchUp(store::apply);
            } catch (RuntimeException e) {
                throw RegistryException.storeError(e.getMessage(), e);
            }
            mayHaveMissedRecords = false;
        }
    }

    private void requireSubject(String subject) {
        if (!store.hasSubject(subject)) {
            throw RegistryException.subjectNotFound(subject);
        }
    }

    /** Empty for the latest version. */
    private static Optional<Integer> parseVersion(String text) {
        if (LATEST.equalsIgnoreCase(text) || "-1".equals(text)) {
            return Optional.empty();
        }
        try {
            int version = Integer.parseInt(text);
            if (version >= 1) {
                return Optional.of(version);
            }
        } catch (NumberFormatException e) {
            // reported below with the value the client sent
        }
        throw RegistryException.invalidVersion(text);
    }
}
