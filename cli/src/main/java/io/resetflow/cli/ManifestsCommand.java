package io.resetflow.cli;

import io.resetflow.core.config.ConfigSources;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code resetflow manifests}: Kubernetes resources generated from the code, so they cannot drift from it. */
@Command(name = "manifests", mixinStandardHelpOptions = true,
        description = "Kubernetes resources generated from the tenants file and the services.",
        subcommands = ManifestsCommand.Strimzi.class)
public final class ManifestsCommand {

    /**
     * {@code resetflow manifests strimzi}: a {@code KafkaTopic} for every topic and a {@code KafkaUser}
     * with its ACLs for every ISP and service, from the same policy {@code tenants provision} applies.
     */
    @Command(name = "strimzi", mixinStandardHelpOptions = true,
            description = "Writes kafka-topics.yaml and kafka-users.yaml for a Strimzi-managed cluster.")
    static final class Strimzi implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--config", paramLabel = "FILE",
                description = "ResetFlow properties: tenants.file, topics.prefix, topics.partitions, "
                        + "topics.replication.factor, the services' application ids.")
        Path config;

        @Option(names = "--cluster", defaultValue = "resetflow",
                description = "Name of the Strimzi Kafka resource (default ${DEFAULT-VALUE}).")
        String cluster;

        @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory to write to.")
        Path out;

        @Override
        public Integer call() throws IOException {
            // The environment is left out: the files are committed, and must not depend on who generates them.
            StrimziManifests generated = StrimziManifests.generate(
                    ConfigSources.merge(Optional.ofNullable(config), Map.of(), Map.of()), cluster,
                    config == null ? "the built-in sample tenants" : config.getFileName().toString());
            Path topics = out.resolve(StrimziManifests.TOPICS_FILE);
            Path users = out.resolve(StrimziManifests.USERS_FILE);
            Files.createDirectories(out);
            Files.writeString(topics, generated.topics(), StandardCharsets.UTF_8);
            Files.writeString(users, generated.users(), StandardCharsets.UTF_8);
            PrintWriter console = spec.commandLine().getOut();
            console.printf("Wrote %d KafkaTopics to %s and %d KafkaUsers to %s.%n", generated.topicCount(), topics,
                    generated.userCount(), users);
            return 0;
        }
    }
}
