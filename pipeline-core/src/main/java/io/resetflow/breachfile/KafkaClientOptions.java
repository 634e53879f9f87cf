package io.resetflow.breachfile;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
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
            Properties file = new Properties();
            try (Reader reader = Files.newBufferedReader(clientConfig, StandardCharsets.UTF_8)) {
                file.load(reader);
            }
            file.stringPropertyNames().forEach(name -> props.put(name, file.getProperty(name)));
        }
        props.put("bootstrap.servers", bootstrapServers);
        return props;
    }
}
