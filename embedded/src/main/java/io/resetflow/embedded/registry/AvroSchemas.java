package io.resetflow.embedded.registry;

import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/** Parses schema text sent by clients; two texts name the same schema when their canonical renderings are equal. */
final class AvroSchemas {

    private AvroSchemas() {
    }

    static Schema parse(String text) {
        if (text == null || text.isBlank()) {
            throw RegistryException.invalidSchema("empty schema");
        }
        try {
            return new Schema.Parser().parse(text);
        } catch (SchemaParseException | IllegalArgumentException | NullPointerException e) {
            throw RegistryException.invalidSchema(String.valueOf(e.getMessage()));
        }
    }

    /**
     * Avro's own JSON rendering: whitespace and key order no longer matter, while properties such as
     * {@code avro.java.string} still do, as in the Confluent registry.
     */
    static String canonical(Schema schema) {
        return schema.toString();
    }
}
