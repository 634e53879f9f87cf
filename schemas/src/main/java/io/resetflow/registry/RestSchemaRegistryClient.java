package io.resetflow.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * Speaks the Confluent Schema Registry REST API, so it works against Confluent, Karapace,
 * Apicurio's compatible API, Redpanda or ResetFlow's embedded registry. With several base URLs,
 * a request that cannot reach one is tried on the next.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<URI> baseUrls;
    private final Optional<String> authorization;
    private final HttpClient http;

    public RestSchemaRegistryClient(List<String> baseUrls, Optional<String> basicAuthUserInfo) {
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("schema.registry.url is empty");
        }
        this.baseUrls = baseUrls.stream().map(u -> URI.create(u.endsWith("/") ? u : u + "/")).toList();
        this.authorization = basicAuthUserInfo.map(info ->
                "Basic " + Base64.getEncoder().encodeToString(info.getBytes(StandardCharsets.UTF_8)));
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    public RestSchemaRegistryClient(String baseUrl) {
        this(List.of(baseUrl), Optional.empty());
    }

    @Override
    public int register(String subject, Schema schema) {
        return send("POST", "subjects/" + encode(subject) + "/versions", schemaBody(schema)).get("id").asInt();
    }

    @Override
    public Optional<Integer> idOf(String subject, Schema schema) {
        try {
            return Optional.of(send("POST", "subjects/" + encode(subject), schemaBody(schema)).get("id").asInt());
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND
                    || e.errorCode() == SchemaRegistryException.SCHEMA_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Schema schemaById(int id) {
        return new Schema.Parser().parse(send("GET", "schemas/ids/" + id, null).get("schema").asText());
    }

    @Override
    public Optional<RegisteredSchema> latest(String subject) {
        try {
            JsonNode node = send("GET", "subjects/" + encode(subject) + "/versions/latest", null);
            return Optional.of(new RegisteredSchema(node.get("subject").asText(), node.get("version").asInt(),
                    node.get("id").asInt(), new Schema.Parser().parse(node.get("schema").asText())));
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        try {
            return send("POST", "compatibility/subjects/" + encode(subject) + "/versions/latest", schemaBody(schema))
                    .get("is_compatible").asBoolean();
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND
                    || e.errorCode() == SchemaRegistryException.VERSION_NOT_FOUND) {
                return true;
            }
            throw e;
        }
    }

    private JsonNode send(String method, String path, String body) {
        IOException lastFailure = null;
        for (URI base : baseUrls) {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", CONTENT_TYPE)
                    .method(method, body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (body != null) {
                request.header("Content-Type", CONTENT_TYPE);
            }
            authorization.ifPresent(value -> request.header("Authorization", value));
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                JsonNode node = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
                if (response.statusCode() / 100 != 2) {
                    int code = node.path("error_code").asInt(response.statusCode());
                    throw new SchemaRegistryException(code, "Schema registry " + base + " answered "
                            + response.statusCode() + " to " + method + " /" + path + ": "
                            + node.path("message").asText(response.body()));
                }
                return node;
            } catch (IOException e) {
                lastFailure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("Interrupted while calling the schema registry", e);
            }
        }
        throw new SchemaRegistryException("Schema registry unreachable at " + baseUrls, lastFailure);
    }

    private static String schemaBody(Schema schema) {
        ObjectNode body = JSON.createObjectNode();
        body.put("schema", schema.toString());
        return body.toString();
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
