package io.resetflow.embedded.registry;

/** What the registry writes to its log; replaying the log in order rebuilds the registry. */
sealed interface RegistryRecord {

    /** A schema registered under a subject as a version, with its global id. */
    record SchemaRegistered(String subject, int version, int id, String schema) implements RegistryRecord {
    }

    /** A compatibility level set for a subject, or globally when the subject is null. */
    record CompatibilitySet(String subject, CompatibilityLevel level) implements RegistryRecord {
    }
}
