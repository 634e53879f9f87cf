package io.resetflow.breachfile;

import io.resetflow.core.config.ConfigSources;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where the Kafka cluster is and how to talk to it, as Kafka's own tools take it. */
public final class KafkaClientOptions {

    @Option(names = "--bootstrap-server", defaultValue = "${env:RESETFLOW_KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka bootstrap servers (default ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = {"--command-config", "--client-config"}, paramLabel = "FILE",
            description = "Kafka client properties (security.protocol, sasl.*, ssl.*, basic.auth.user.info, ...).")
    Path clientConfig;

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The client properties file's settings plus the bootstrap servers. */
    public Map<String, Object> clientProperties() throws IOException {
        Map<String, Object> props = new HashMap<>();
        if (clientConfig != null) {
            props.putAll(ConfigSources.read(clientConfig));
        }
        props.put("bootstrap.servers", bootstrapServers);
        return props;
    }
}
