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
 * Merges a service's settings, later sources winning: a properties file, then the secret files of
 * {@code secrets.dir} (one file per setting), then environment variables
 * ({@code RESETFLOW_SCHEMA_REGISTRY_URL} sets {@code schema.registry.url}; {@code RESETFLOW_KAFKA_}
 * variables set {@code kafka.} client properties), then explicit overrides (command-line flags).
 */
public final class ConfigSources {

    public static final String ENV_PREFIX = "RESETFLOW_";
    /** A directory of secret files, one per setting (a mounted Kubernetes Secret). */
    public static final String SECRETS_DIR = "secrets.dir";

    private ConfigSources() {
    }

    public static Map<String, Object> merge(Optional<Path> file, Map<String, String> env, Map<String, ?> overrides) {
        Map<String, Object> merged = new HashMap<>();
        file.ifPresent(path -> merged.putAll(read(path)));
        Map<String, Object> fromEnv = new HashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX)) {
                fromEnv.put(name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        Object secrets = overrides.containsKey(SECRETS_DIR) ? overrides.get(SECRETS_DIR)
                : fromEnv.getOrDefault(SECRETS_DIR, merged.get(SECRETS_DIR));
        if (secrets != null && !String.valueOf(secrets).isBlank()) {
            merged.putAll(secretFiles(Path.of(String.valueOf(secrets))));
        }
        merged.putAll(fromEnv);
        merged.putAll(overrides);
        return merged;
    }

    /**
     * A mounted secret (a Kubernetes Secret as a volume): each file named after a setting holds its
     * value, e.g. {@code mailbox.id.secret} or {@code kafka.sasl.jaas.config}. Kubernetes' own entries
     * (names starting with "..") and directories are skipped; one trailing line break is dropped.
     */
    static Map<String, String> secretFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(SECRETS_DIR + " " + dir + " is not a directory");
        }
        Map<String, String> values = new HashMap<>();
        try (var files = Files.list(dir)) {
            for (Path path : (Iterable<Path>) files::iterator) {
                String name = path.getFileName().toString();
                if (name.startsWith("..") || !Files.isRegularFile(path)) {
                    continue;
                }
                String value = Files.readString(path, StandardCharsets.UTF_8);
                values.put(name, value.endsWith("\r\n") ? value.substring(0, value.length() - 2)
                        : value.endsWith("\n") ? value.substring(0, value.length() - 1) : value);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the secrets in " + dir + ": " + e.getMessage(), e);
        }
        return values;
    }

    /** A properties file (UTF-8) as a map; a file that cannot be read is the user's mistake, named. */
    public static Map<String, String> read(Path path) {
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
