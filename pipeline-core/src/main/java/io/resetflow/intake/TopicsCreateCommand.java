package io.resetflow.intake;

import io.resetflow.core.access.AccessPolicy;
import io.resetflow.core.access.ServiceIds;
import io.resetflow.core.access.command.AdminOptions;
import io.resetflow.core.config.CommonConfig;
import io.resetflow.core.config.ConfigSources;
import io.resetflow.core.topic.TopicCreator;
import io.resetflow.core.topic.TopicPlan;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code resetflow topics create}: creates every shared and per-tenant topic (from the tenant
 * config) and the services' dead-letter topics, with partitions and replication from config or flags.
 * Topics that exist are left alone, so it is safe to re-run after adding a tenant. It returns once
 * every partition of the new topics has a leader, so an import may start right after it.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Creates the missing shared, per-tenant and dead-letter topics.")
public final class TopicsCreateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** The cluster from --config's kafka.* settings, overridden by --bootstrap-server and --command-config. */
    @Mixin
    AdminOptions admin;

    @Option(names = "--partitions", description = "Partitions per topic (default: topics.partitions).")
    Integer partitions;

    @Option(names = "--replication-factor", description = "Replication factor (default: topics.replication.factor).")
    Short replicationFactor;

    @Option(names = "--dead-letter-for", split = ",", paramLabel = "APP",
            description = "Application ids whose dead-letter topics to create (default: the three services').")
    List<String> deadLetterApplications;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            CommonConfig settings = new CommonConfig(ConfigSources.merge(Optional.ofNullable(admin.config()),
                    System.getenv(), overrides()));
            TopicPlan plan = settings.topicPlan();
            List<NewTopic> topics = new ArrayList<>(plan.topics(settings.tenants()));
            List<String> applications = deadLetterApplications != null ? deadLetterApplications
                    : new AccessPolicy(settings.topicNames(), settings.tenants(), ServiceIds.DEFAULT).services();
            applications.forEach(app -> topics.add(plan.deadLetterTopic(app)));
            try (Admin client = Admin.create(admin.adminProperties(settings))) {
                List<String> created = TopicCreator.createMissing(client, topics);
                out.printf("%d topics created, %d already present (%d partitions, replication %d)%n", created.size(),
                        topics.size() - created.size(), plan.partitions(), plan.replicationFactor());
                created.forEach(name -> out.println("  created " + name));
            }
            return 0;
        } catch (RuntimeException e) {
            err.println("topics create failed: " + e.getMessage());
            return 1;
        }
    }

    private Map<String, Object> overrides() {
        Map<String, Object> overrides = new HashMap<>();
        if (partitions != null) {
            overrides.put(CommonConfig.TOPIC_PARTITIONS, partitions);
        }
        if (replicationFactor != null) {
            overrides.put(CommonConfig.TOPIC_REPLICATION_FACTOR, replicationFactor);
        }
        return overrides;
    }
}
