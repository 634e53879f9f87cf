package io.resetflow.breachfile;

import io.resetflow.core.config.CommonConfig;
import io.resetflow.core.config.ConfigSources;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What a command that talks to Kafka uses: the ResetFlow settings of {@code --config} (its
 * {@code kafka.*}, registry, topic prefix and tenants file), overridden by the flags Kafka's own
 * tools take where they were given. Without {@code --config}, the flags and their defaults alone.
 */
public record CommandSettings(Map<String, Object> clientProperties, String schemaRegistryUrl, String topicPrefix,
                              Optional<CommonConfig> settings) {

    /**
     * @param given whether the command line named an option (a default does not override the file)
     */
    public static CommandSettings resolve(KafkaClientOptions kafka, Path config, String registryFlag,
                                          String topicPrefixFlag, Predicate<String> given) throws IOException {
        Map<String, Object> client = kafka.clientProperties();
        if (config == null) {
            return new CommandSettings(client, registryFlag, topicPrefixFlag, Optional.empty());
        }
        CommonConfig settings = new CommonConfig(ConfigSources.merge(Optional.of(config), System.getenv(), Map.of()));
        Map<String, Object> merged = new HashMap<>(settings.kafkaClientProperties());
        client.forEach((key, value) -> {
            if (!key.equals("bootstrap.servers") || given.test("--bootstrap-server")) {
                merged.put(key, value);
            }
        });
        return new CommandSettings(merged,
                given.test("--schema-registry") ? registryFlag : settings.schemaRegistryUrl(),
                given.test("--topic-prefix") ? topicPrefixFlag : settings.getString(CommonConfig.TOPIC_PREFIX),
                Optional.of(settings));
    }

    /** Whether the command line that {@code spec} parsed named the option. */
    public static Predicate<String> givenIn(CommandSpec spec) {
        return option -> spec.commandLine().getParseResult().hasMatchedOption(option);
    }
}
