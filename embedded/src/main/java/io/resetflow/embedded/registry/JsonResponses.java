package io.resetflow.embedded.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes registry answers and Confluent-style errors ({@code {"error_code":..,"message":..}}). */
final class JsonResponses {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private final ObjectMapper json;

    JsonResponses(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode object() {
        return json.createObjectNode();
    }

    JsonNode tree(Object value) {
        return json.valueToTree(value);
    }

    ObjectNode version(RegisteredVersion version) {
        return object().put("subject", version.subject()).put("version", version.version())
                .put("id", version.id()).put("schema", version.schema());
    }

    void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    void sendError(HttpExchange exchange, RegistryException error) throws IOException {
        send(exchange, error.status(), object().put("error_code", error.errorCode()).put("message", error.getMessage()));
    }

    /** The raw schema text, as {@code GET .../versions/{v}/schema} returns it. */
    void sendRaw(HttpExchange exchange, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
