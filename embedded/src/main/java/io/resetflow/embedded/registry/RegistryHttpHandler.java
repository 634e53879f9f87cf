package io.resetflow.embedded.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps the Confluent Schema Registry REST paths onto {@link RegistryService}. */
final class RegistryHttpHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryHttpHandler.class);
    private static final String GET = "GET";
    private static final String POST = "POST";
    private static final String PUT = "PUT";

    private final RegistryService service;
    private final ObjectMapper json;
    private final JsonResponses responses;

    RegistryHttpHandler(RegistryService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
        this.responses = new JsonResponses(json);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            route(exchange, exchange.getRequestMethod(), segments(exchange.getRequestURI().getRawPath()));
        } catch (RegistryException e) {
            responses.sendError(exchange, e);
        } catch (RuntimeException e) {
            LOG.error("Failed to answer {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            responses.sendError(exchange, new RegistryException(500, 50001, "Internal error: " + e.getMessage()));
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange, String method, List<String> path) throws IOException {
        String root = path.isEmpty() ? "" : path.get(0);
        switch (root) {
            case "" -> {
                allow(exchange, method, GET);
                responses.send(exchange, 200, responses.object());
            }
            case "subjects" -> subjects(exchange, method, path);
            case "schemas" -> schemas(exchange, method, path);
            case "compatibility" -> compatibility(exchange, method, path);
            case "config" -> config(exchange, method, path);
            default -> throw notFound(exchange);
        }
    }

    /** /subjects, /subjects/{s}, /subjects/{s}/versions, /subjects/{s}/versions/{v}[/schema] */
    private void subjects(HttpExchange exchange, String method, List<String> path) throws IOException {
        if (path.size() == 1) {
            allow(exchange, method, GET);
            responses.send(exchange, 200, responses.tree(service.subjects()));
            return;
        }
        String subject = path.get(1);
        if (path.size() == 2) {
            allow(exchange, method, POST);
            String schema = SchemaRequest.schema(body(exchange));
            responses.send(exchange, 200, responses.version(service.lookup(subject, schema)));
            return;
        }
        if (!"versions".equals(path.get(2)) || path.size() > 5) {
            throw notFound(exchange);
        }
        if (path.size() == 3) {
            allow(exchange, method, GET, POST);
            if (GET.equals(method)) {
                responses.send(exchange, 200, responses.tree(service.versions(subject)));
            } else {
                int id = service.register(subject, SchemaRequest.schema(body(exchange)));
                responses.send(exchange, 200, responses.object().put("id", id));
            }
            return;
        }
        allow(exchange, method, GET);
        RegisteredVersion version = service.version(subject, path.get(3));
        if (path.size() == 4) {
            responses.send(exchange, 200, responses.version(version));
        } else if ("schema".equals(path.get(4))) {
            responses.sendRaw(exchange, version.schema());
        } else {
            throw notFound(exchange);
        }
    }

    /** /schemas/ids/{id}, /schemas/types */
    private void schemas(HttpExchange exchange, String method, List<String> path) throws IOException {
        if (path.size() == 2 && "types".equals(path.get(1))) {
            allow(exchange, method, GET);
            responses.send(exchange, 200, responses.tree(List.of("AVRO")));
        } else if (path.size() == 3 && "ids".equals(path.get(1))) {
            allow(exchange, method, GET);
            responses.send(exchange, 200, responses.object().put("schema", service.schemaById(path.get(2))));
        } else {
            throw notFound(exchange);
        }
    }

    /** /compatibility/subjects/{s}/versions/{v} */
    private void compatibility(HttpExchange exchange, String method, List<String> path) throws IOException {
        if (path.size() != 5 || !"subjects".equals(path.get(1)) || !"versions".equals(path.get(3))) {
            throw notFound(exchange);
        }
        allow(exchange, method, POST);
        String schema = SchemaRequest.schema(body(exchange));
        List<String> problems = service.incompatibilities(path.get(2), path.get(4), schema);
        var answer = responses.object().put("is_compatible", problems.isEmpty());
        if (isVerbose(exchange)) {
            answer.set("messages", responses.tree(problems));
        }
        responses.send(exchange, 200, answer);
    }

    /** /config, /config/{s} */
    private void config(HttpExchange exchange, String method, List<String> path) throws IOException {
        if (path.size() > 2) {
            throw notFound(exchange);
        }
        Optional<String> subject = path.size() == 2 ? Optional.of(path.get(1)) : Optional.empty();
        allow(exchange, method, GET, PUT);
        if (GET.equals(method)) {
            responses.send(exchange, 200,
                    responses.object().put("compatibilityLevel", service.compatibility(subject).name()));
        } else {
            CompatibilityLevel level = service.setCompatibility(subject, SchemaRequest.compatibility(body(exchange)));
            responses.send(exchange, 200, responses.object().put("compatibility", level.name()));
        }
    }

    private JsonNode body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return SchemaRequest.body(json, in.readAllBytes());
        }
    }

    private static void allow(HttpExchange exchange, String method, String... allowed) {
        for (String candidate : allowed) {
            if (candidate.equals(method)) {
                return;
            }
        }
        throw RegistryException.methodNotAllowed(method, exchange.getRequestURI().getPath());
    }

    private static boolean isVerbose(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        return query != null && List.of(query.split("&")).contains("verbose=true");
    }

    private static RegistryException notFound(HttpExchange exchange) {
        return RegistryException.routeNotFound(exchange.getRequestURI().getPath());
    }

    /** Path segments, each percent-decoded on its own so that an encoded '/' stays inside a subject name. */
    static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.split("/")) {
            if (!raw.isEmpty()) {
                segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return segments;
    }
}
