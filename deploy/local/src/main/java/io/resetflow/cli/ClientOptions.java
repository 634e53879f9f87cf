package io.resetflow.cli;

import io.resetflow.core.config.CommonConfig;
import io.resetflow.core.config.ConfigSources;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** How a command reaches an existing cluster: flags over environment over a config file. */
public final class ClientOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file with ResetFlow settings; kafka.* keys go to the Kafka clients "
                    + "(security.protocol, sasl.*, ssl.*).")
    Path configFile;

    @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
    String bootstrapServers;

    @Option(names = "--schema-registry", paramLabel = "URL", description = "Schema registry URL.")
    String schemaRegistryUrl;

    public CommonConfig config() {
        return new CommonConfig(values());
    }

    public Map<String, Object> values() {
        Map<String, Object> overrides = new HashMap<>();
        if (bootstrapServers != null) {
            overrides.put(CommonConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        }
        if (schemaRegistryUrl != null) {
            overrides.put(CommonConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        }
        return ConfigSources.merge(Optional.ofNullable(configFile), System.getenv(), overrides);
    }
}
