package io.resetflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code v1} schemas of Strimzi's CRDs (test resources, copied from Strimzi 1.2.0's
 * install/cluster-operator), closed the way the API server prunes: a field a schema does not name is
 * an error here, where Kubernetes would drop it silently and the setting would be lost.
 */
final class CrdSchemas {

    private static final List<String> FILES = List.of("040-Crd-kafka.yaml", "043-Crd-kafkatopic.yaml",
            "044-Crd-kafkauser.yaml", "045-Crd-kafkanodepool.yaml");

    private final Map<String, JsonSchema> byKind = new HashMap<>();

    CrdSchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        for (String file : FILES) {
            JsonNode crd = read("/strimzi-crds/" + file);
            for (JsonNode version : crd.path("spec").path("versions")) {
                if (version.path("name").asText().equals("v1")) {
                    JsonNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
                    close(schema);
                    byKind.put(crd.path("spec").path("names").path("kind").asText(), factory.getSchema(schema));
                }
            }
        }
    }

    boolean covers(JsonNode resource) {
        return byKind.containsKey(resource.path("kind").asText());
    }

    /** What the API server would refuse or prune; empty when the resource is valid. */
    List<String> problems(JsonNode resource) {
        JsonSchema schema = byKind.get(resource.path("kind").asText());
        if (schema == null) {
            throw new IllegalArgumentException("no CRD schema for " + resource.path("kind").asText());
        }
        return schema.validate(resource).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static void close(JsonNode schema) {
        if (schema instanceof ObjectNode object && object.has("properties")
                && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
                && !object.has("additionalProperties")) {
            object.put("additionalProperties", false);
        }
        schema.forEach(CrdSchemas::close);
    }

    private static JsonNode read(String resource) {
        try (InputStream in = CrdSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return Kustomize.YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
