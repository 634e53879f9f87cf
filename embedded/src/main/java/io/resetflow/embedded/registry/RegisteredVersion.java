package io.resetflow.embedded.registry;

/** One version of a subject: the schema text (in Avro's canonical JSON rendering) and its global id. */
record RegisteredVersion(String subject, int version, int id, String schema) {
}
