package io.resetflow.local;

import io.resetflow.cli.StrimziManifests;
import io.resetflow.core.deploy.ManifestYaml;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/** Topics as "partitions cleanup-policy" by name: on a broker, and as the generated KafkaTopics declare them. */
final class DeclaredTopics {

    private DeclaredTopics() {
    }

    static Map<String, String> generated(Map<String, Object> settings) {
        StrimziManifests manifests = StrimziManifests.generate(settings, "resetflow", "the test");
        Map<String, String> topics = new TreeMap<>();
        for (Map<String, Object> resource : ManifestYaml.read(manifests.topics())) {
            Map<?, ?> spec = (Map<?, ?>) resource.get("spec");
            Map<?, ?> config = (Map<?, ?>) spec.get("config");
            String name = spec.get("topicName") != null ? (String) spec.get("topicName")
                    : (String) ((Map<?, ?>) resource.get("metadata")).get("name");
            Object cleanup = config == null ? null : config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
            topics.put(name, spec.get("partitions") + " " + (cleanup == null ? "delete" : cleanup));
        }
        return topics;
    }

    static Map<String, String> onBroker(LocalStack stack) throws Exception {
        try (Admin admin = Admin.create(stack.adminClientProperties())) {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(name -> !name.startsWith("__")).collect(Collectors.toSet());
            Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            Collection<ConfigResource> resources = names.stream()
                    .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
            Map<String, String> topics = new TreeMap<>();
            for (String name : names) {
                String cleanup = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name))
                        .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
                topics.put(name, described.get(name).partitions().size() + " " + cleanup);
            }
            return topics;
        }
    }
}
