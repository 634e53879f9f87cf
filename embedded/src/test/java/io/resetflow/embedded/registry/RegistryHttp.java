package io.resetflow.embedded.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A thin HTTP client for the registry tests: JSON in, status and JSON out. */
final class RegistryHttp {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RegistryHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    record Response(int status, String contentType, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("Not JSON: " + body, e);
            }
        }

        int errorCode() {
            return json().path("error_code").asInt();
        }
    }

    static String schemaBody(String schema) {
        ObjectNode body = JSON.createObjectNode();
        body.put("schema", schema);
        return body.toString();
    }

    Response get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Response post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response postJson(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response put(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", CONTENT_TYPE)
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response delete(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    /** Registers and returns the id, failing the test on any other answer. */
    int register(String subject, String schema) throws Exception {
        Response response = post("/subjects/" + subject + "/versions", schemaBody(schema));
        if (response.status() != 200) {
            throw new AssertionError("Registration failed: " + response);
        }
        return response.json().get("id").asInt();
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private Response send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }
}
