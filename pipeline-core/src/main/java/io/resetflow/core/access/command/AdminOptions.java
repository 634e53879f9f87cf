package io.resetflow.core.access.command;

import io.resetflow.core.access.AccessPolicy;
import io.resetflow.core.access.ServiceIds;
import io.resetflow.core.config.CommonConfig;
import io.resetflow.core.config.ConfigSources;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * How the tenants commands reach the cluster as its administrator: the ResetFlow settings (tenants
 * file, topic prefix and layout, {@code kafka.*}) and, as Kafka's own tools take them, a bootstrap
 * server and an admin client properties file, which win over the settings.
 */
public final class AdminOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "ResetFlow properties (tenants.file, topics.*, kafka.*).")
    Path config;

    @Option(names = "--bootstrap-server", description = "Kafka bootstrap servers (default: kafka.bootstrap.servers).")
    String bootstrapServers;

    @Option(names = "--command-config", paramLabel = "FILE",
            description = "Admin client properties (a super user's security.protocol, sasl.*, ssl.*).")
    Path commandConfig;

    public Path config() {
        return config;
    }

    public CommonConfig settings() {
        Map<String, Object> overrides = new HashMap<>();
        if (bootstrapServers != null) {
            overrides.put(CommonConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        }
        return new CommonConfig(ConfigSources.merge(Optional.ofNullable(config), System.getenv(), overrides));
    }

    public AccessPolicy policy(CommonConfig settings) {
        return new AccessPolicy(settings.topicNames(), settings.tenants(), ServiceIds.DEFAULT);
    }

    public Map<String, Object> adminProperties(CommonConfig settings) {
        Map<String, Object> props = new HashMap<>(settings.kafkaClientProperties());
        if (commandConfig != null) {
            props.putAll(ConfigSources.read(commandConfig));
        }
        if (bootstrapServers != null) {
            props.put("bootstrap.servers", bootstrapServers);
        }
        return props;
    }
}
