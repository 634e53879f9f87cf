package io.resetflow.core.topic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * What a service checks before it starts: every topic it reads or writes exists with the partitions
 * and cleanup policy the plan gives it. Creating topics is {@code topics create}'s, {@code tenants
 * provision}'s or Strimzi's job; a service that went on without one would fail later, on its first
 * record for it, after a minute's metadata timeout, or lose keys to a delete policy where it needs
 * compaction.
 */
public final class RequiredTopics {

    private RequiredTopics() {
    }

    /** Returns quietly when every topic is as planned; otherwise throws naming every difference. */
    public static void check(Admin admin, Collection<NewTopic> planned) {
        try {
            List<String> problems = new ArrayList<>();
            Map<String, TopicDescription> found = describe(admin, planned, problems);
            Map<String, Config> configs = configsOf(admin, found.keySet());
            for (NewTopic topic : planned) {
                TopicDescription description = found.get(topic.name());
                if (description == null) {
                    continue;
                }
                int partitions = description.partitions().size();
                if (topic.numPartitions() > 0 && partitions != topic.numPartitions()) {
                    problems.add(topic.name() + " has " + partitions + " partitions, not " + topic.numPartitions());
                }
                boolean compacted = compacted(configs.get(topic.name()));
                if (compacted != plannedCompacted(topic)) {
                    problems.add(topic.name() + " has cleanup.policy " + (compacted ? "compact" : "delete")
                            + ", not " + (plannedCompacted(topic) ? "compact" : "delete"));
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalStateException(problems.size() + " topic(s) not as planned: " + String.join("; ", problems)
                        + ". Create them with 'resetflow topics create --config FILE' (or 'tenants provision', or "
                        + "Strimzi's KafkaTopics), with topics.partitions as the deployment's");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot check topics: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static Map<String, TopicDescription> describe(Admin admin, Collection<NewTopic> planned, List<String> problems)
            throws InterruptedException, ExecutionException {
        Map<String, KafkaFuture<TopicDescription>> futures =
                admin.describeTopics(planned.stream().map(NewTopic::name).toList()).topicNameValues();
        Map<String, TopicDescription> found = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, KafkaFuture<TopicDescription>> future : new TreeMap<>(futures).entrySet()) {
            try {
                found.put(future.getKey(), future.getValue().get());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                missing.add(future.getKey());
            }
        }
        if (!missing.isEmpty()) {
            problems.add("missing " + String.join(", ", missing));
        }
        return found;
    }

    private static Map<String, Config> configsOf(Admin admin, Collection<String> topics)
            throws InterruptedException, ExecutionException {
        Map<String, Config> configs = new TreeMap<>();
        if (topics.isEmpty()) {
            return configs;
        }
        List<ConfigResource> resources = topics.stream()
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
        admin.describeConfigs(resources).all().get().forEach((resource, config) -> configs.put(resource.name(), config));
        return configs;
    }

    private static boolean compacted(Config config) {
        ConfigEntry policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
        return policy != null && policy.value() != null && policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT);
    }

    private static boolean plannedCompacted(NewTopic topic) {
        String policy = topic.configs() == null ? null : topic.configs().get(TopicConfig.CLEANUP_POLICY_CONFIG);
        return policy != null && policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT);
    }
}
