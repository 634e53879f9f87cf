package io.resetflow.core.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;

/**
 * The topics Kafka Streams keeps for a topology under its application id, as its description names
 * them: a changelog per store (every store of ResetFlow is logged) and each repartition topic, with
 * the configs Streams gives them, so a cluster that creates topics only from declared resources can
 * declare these too. A global table reads its source topic and has no changelog. A topic has the
 * input's partitions unless the topology sized a repartition topic itself: the description does not
 * show that, so the topology says it, and the stores of the subtopology it feeds have as many.
 */
public final class InternalTopics {

    private static final String REPARTITION_SUFFIX = "-repartition";
    private static final String CHANGELOG_SUFFIX = "-changelog";

    private InternalTopics() {
    }

    /** The topics, {@code sizedRepartitions} naming repartition topics as the description does. */
    public static List<NewTopic> of(String applicationId, Topology topology, int partitions, short replication,
                                    Map<String, Integer> sizedRepartitions) {
        Map<String, Integer> changelogs = new TreeMap<>();
        Map<String, Integer> repartitions = new TreeMap<>();
        for (TopologyDescription.Subtopology subtopology : topology.describe().subtopologies()) {
            int tasks = partitions;
            Set<String> stores = new TreeSet<>();
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Processor processor) {
                    stores.addAll(processor.stores());
                } else if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                    for (String topic : source.topicSet()) {
                        if (topic.endsWith(REPARTITION_SUFFIX)) {
                            int sized = sizedRepartitions.getOrDefault(topic, partitions);
                            repartitions.put(applicationId + "-" + topic, sized);
                            tasks = sizedRepartitions.containsKey(topic) ? sized : tasks;
                        }
                    }
                }
            }
            for (String store : stores) {
                changelogs.put(applicationId + "-" + store + CHANGELOG_SUFFIX, tasks);
            }
        }
        List<NewTopic> topics = new ArrayList<>();
        changelogs.forEach((name, count) -> topics.add(new NewTopic(name, count, replication).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "CreateTime"))));
        // As Streams creates them: records are purged once consumed, not by time.
        repartitions.forEach((name, count) -> topics.add(new NewTopic(name, count, replication).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.SEGMENT_BYTES_CONFIG, "52428800",
                TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "CreateTime"))));
        return topics;
    }
}
