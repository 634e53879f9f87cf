package io.resetflow.core.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Merges a service's settings, later sources winning: a properties file, then environment variables
 * ({@code RESETFLOW_SCHEMA_REGISTRY_URL} sets {@code schema.registry.url}; {@code RESETFLOW_KAFKA_}
 * variables set {@code kafka.} client properties), then explicit overrides (command-line flags).
 */
public final class ConfigSources {

    public static final String ENV_PREFIX = "RESETFLOW_";

    private ConfigSources() {
    }

    public static Map<String, Object> merge(Optional<Path> file, Map<String, String> env, Map<String, ?> overrides) {
        Map<String, Object> merged = new HashMap<>();
        file.ifPresent(path -> merged.putAll(read(path)));
        env.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX)) {
                merged.put(name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        merged.putAll(overrides);
        return merged;
    }

    private static Map<String, String> read(Path path) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read config file " + path + ": " + e.getMessage(), e);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }
}
