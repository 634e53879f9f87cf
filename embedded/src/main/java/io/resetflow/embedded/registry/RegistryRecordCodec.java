package io.resetflow.embedded.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The JSON form of log records. A key names what a record is about (a subject's version, or a level),
 * so compaction keeps the last record for each.
 */
final class RegistryRecordCodec {

    private static final String SCHEMA = "SCHEMA";
    private static final String CONFIG = "CONFIG";

    private final ObjectMapper json;

    RegistryRecordCodec(ObjectMapper json) {
        this.json = json;
    }

    String key(RegistryRecord record) {
        ObjectNode key = json.createObjectNode();
        if (record instanceof RegistryRecord.SchemaRegistered registered) {
            key.put("keytype", SCHEMA).put("subject", registered.subject()).put("version", registered.version());
        } else if (record instanceof RegistryRecord.CompatibilitySet set) {
            key.put("keytype", CONFIG).put("subject", set.subject());
        }
        key.put("magic", 1);
        return key.toString();
    }

    String value(RegistryRecord record) {
        ObjectNode value = json.createObjectNode();
        if (record instanceof RegistryRecord.SchemaRegistered registered) {
            value.put("subject", registered.subject()).put("version", registered.version())
                    .put("id", registered.id()).put("schema", registered.schema()).put("deleted", false);
        } else if (record instanceof RegistryRecord.CompatibilitySet set) {
            value.put("compatibilityLevel", set.level().name());
        }
        return value.toString();
    }

    /** The record, or empty for records this registry does not act on (tombstones, other key types). */
    Optional<RegistryRecord> decode(String key, String value) {
        if (key == null || value == null) {
            return Optional.empty();
        }
        try {
            JsonNode keyNode = json.readTree(key);
            JsonNode valueNode = json.readTree(value);
            String keyType = keyNode.path("keytype").asText();
            if (SCHEMA.equals(keyType) && !valueNode.path("deleted").asBoolean(false)) {
                return Optional.of(new RegistryRecord.SchemaRegistered(valueNode.path("subject").asText(),
                        valueNode.path("version").asInt(), valueNode.path("id").asInt(),
                        valueNode.path("schema").asText()));
            }
            if (CONFIG.equals(keyType)) {
                JsonNode subject = keyNode.path("subject");
                return CompatibilityLevel.parse(valueNode.path("compatibilityLevel").asText())
                        .map(level -> new RegistryRecord.CompatibilitySet(
                                subject.isTextual() ? subject.asText() : null, level));
            }
            return Optional.empty();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable record in the schema log: key " + key, e);
        }
    }
}
