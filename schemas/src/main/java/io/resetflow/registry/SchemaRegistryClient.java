package io.resetflow.registry;

import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry API that ResetFlow's serdes and tools need.
 * Implementations: {@link RestSchemaRegistryClient} for any Confluent-compatible registry,
 * an in-memory one (in the test jar) for topology tests.
 */
public interface SchemaRegistryClient {

    /** Registers the schema under the subject (or finds it there) and returns its global id. */
    int register(String subject, Schema schema);

    /** The id of a schema already registered under the subject, without registering it. */
    Optional<Integer> idOf(String subject, Schema schema);

    /** The schema with the given global id. */
    Schema schemaById(int id);

    /** The latest version registered under the subject, if the subject exists. */
    Optional<RegisteredSchema> latest(String subject);

    /** Whether the schema may be registered under the subject given its compatibility level. */
    boolean isCompatible(String subject, Schema schema);
}
