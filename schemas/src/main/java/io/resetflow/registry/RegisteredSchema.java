package io.resetflow.registry;

import org.apache.avro.Schema;

/** One version of a subject, as a registry reports it. */
public record RegisteredSchema(String subject, int version, int id, Schema schema) {
}
