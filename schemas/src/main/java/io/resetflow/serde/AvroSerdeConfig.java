package io.resetflow.serde;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/** The serde settings users know from Confluent's Avro serdes, read from a Kafka config map. */
public record AvroSerdeConfig(List<String> registryUrls, boolean autoRegisterSchemas, boolean specificAvroReader,
                              Optional<String> basicAuthUserInfo) {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";

    public static AvroSerdeConfig from(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        List<String> urls = url == null ? List.of() : Arrays.stream(url.toString().split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new AvroSerdeConfig(urls,
                bool(configs, AUTO_REGISTER_SCHEMAS, true),
                bool(configs, SPECIFIC_AVRO_READER, false),
                Optional.ofNullable(configs.get(BASIC_AUTH_USER_INFO)).map(Object::toString));
    }

    public List<String> requireRegistryUrls() {
        if (registryUrls.isEmpty()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL + " must be set to the schema registry's URL");
        }
        return registryUrls;
    }

    private static boolean bool(Map<String, ?> configs, String key, boolean fallback) {
        Object value = configs.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim();
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            throw new ConfigException(key, value, "must be true or false");
        }
        return Boolean.parseBoolean(text);
    }
}
