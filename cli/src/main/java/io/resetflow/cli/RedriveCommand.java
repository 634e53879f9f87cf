package io.resetflow.cli;

import io.resetflow.avro.RedriveRequest;
import io.resetflow.avro.StateReason;
import io.resetflow.breachfile.CommandSettings;
import io.resetflow.breachfile.KafkaClientOptions;
import io.resetflow.core.tenant.Tenants;
import io.resetflow.core.tenant.TenantsLoader;
import io.resetflow.core.topic.TopicNames;
import io.resetflow.serde.AvroSerdes;
import io.resetflow.tracker.redrive.RedrivePublisher;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Sends the last notice again to a tenant's undeliverable mailboxes, once its relay is fixed. */
@Command(name = "redrive", mixinStandardHelpOptions = true,
        description = {"Re-drive a tenant's undeliverable mailboxes: the tracker sends each its last notice again "
                + "(under a new notification id) and the campaign carries on from there.",
                "Use it after a relay outage or misconfiguration that made mail fail or bounce."})
public final class RedriveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaClientOptions kafka;

    @Option(names = "--config", paramLabel = "FILE", description = "ResetFlow properties: kafka.* (cluster and "
            + "security), schema.registry.url, topics.prefix, tenants.file; the flags below win over them.")
    Path config;

    @Option(names = "--tenant", required = true, description = "The tenant (ISP) id.")
    String tenant;

    @Option(names = "--reason", paramLabel = "REASON",
            description = "Undeliverable reason to re-drive, repeatable: DELIVERY_FAILED, BOUNCED, "
                    + "OTHER_CHANNEL_REQUESTED, OTHER_CHANNEL_FAILED (default: all of them).")
    List<StateReason> reasons = List.of();

    @Option(names = "--by", required = true, description = "Who asks (operator name), kept with the request.")
    String requestedBy;

    @Option(names = "--schema-registry", defaultValue = "${env:RESETFLOW_SCHEMA_REGISTRY_URL:-http://localhost:8081}",
            description = "Schema registry URL (default ${DEFAULT-VALUE}).")
    String registryUrl;

    @Option(names = "--tenants-file", description = "The tenants file (default: the bundled six ISPs).")
    Path tenantsFile;

    @Option(names = "--topic-prefix", defaultValue = "", description = "Prefix of the shared topic names.")
    String topicPrefix;

    @Override
    public Integer call() throws Exception {
        CommandSettings cluster = CommandSettings.resolve(kafka, config, registryUrl, topicPrefix,
                CommandSettings.givenIn(spec));
        TopicNames names = TopicNames.withSharedPrefix(cluster.topicPrefix());
        AvroSerdes serdes = AvroSerdes.forRegistry(cluster.schemaRegistryUrl());
        Tenants tenants = tenantsFile != null || cluster.settings().isEmpty()
                ? TenantsLoader.load(Optional.ofNullable(tenantsFile)) : cluster.settings().get().tenants();
        try (RedrivePublisher publisher = new RedrivePublisher(cluster.clientProperties(),
                serdes.value(RedriveRequest.class).serializer(), names.remediationRedrives(), tenants)) {
            RedriveRequest request = publisher.publish(tenant, reasons, requestedBy, Instant.now());
            System.out.printf("Re-drive %s of %s for %s published to %s%n", request.getRequestId(), tenant,
                    request.getReasons(), names.remediationRedrives());
        }
        return 0;
    }
}
