package io.resetflow.embedded.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reads the JSON bodies clients send: {@code {"schema":..,"schemaType":..}} and {@code {"compatibility":..}}. */
final class SchemaRequest {

    private SchemaRequest() {
    }

    static JsonNode body(ObjectMapper json, byte[] bytes) {
        try {
            JsonNode node = json.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw RegistryException.malformedRequest("expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw RegistryException.malformedRequest(e.getOriginalMessage());
        } catch (IOException e) {
            throw RegistryException.malformedRequest(e.getMessage());
        }
    }

    /** The Avro schema text; other schema types and references are not supported. */
    static String schema(JsonNode body) {
        String type = body.path("schemaType").asText("AVRO");
        if (!"AVRO".equalsIgnoreCase(type)) {
            throw RegistryException.invalidSchema("schema type " + type + " is not supported, only AVRO");
        }
        JsonNode references = body.path("references");
        if (references.isArray() && !references.isEmpty()) {
            throw RegistryException.invalidSchema("schema references are not supported");
        }
        JsonNode schema = body.get("schema");
        if (schema == null || !schema.isTextual()) {
            throw RegistryException.invalidSchema("the request has no \"schema\" string");
        }
        return schema.asText();
    }

    /** The level of a config update; Confluent clients send {@code compatibility}, some {@code compatibilityLevel}. */
    static String compatibility(JsonNode body) {
        JsonNode level = body.has("compatibility") ? body.get("compatibility") : body.get("compatibilityLevel");
        if (level == null || !level.isTextual()) {
            throw RegistryException.invalidCompatibilityLevel(String.valueOf(level));
        }
        return level.asText();
    }
}
