package io.resetflow.core.deploy;

import io.resetflow.core.access.AccessPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AclBinding;

/**
 * The Strimzi resources that declare on a managed cluster what {@code tenants provision} creates on
 * any other: a {@code KafkaTopic} per topic and a {@code KafkaUser} per ISP and service, with the
 * SCRAM authentication and exactly the ACLs of the same {@link AccessPolicy}.
 */
public final class StrimziResources {

    public static final String API_VERSION = "kafka.strimzi.io/v1";
    public static final String CLUSTER_LABEL = "strimzi.io/cluster";

    private final String cluster;

    public StrimziResources(String cluster) {
        this.cluster = cluster;
    }

    public List<Map<String, Object>> topics(List<NewTopic> topics) {
        Map<String, String> seen = new HashMap<>();
        List<Map<String, Object>> resources = new ArrayList<>();
        for (NewTopic topic : topics) {
            String name = resourceName(topic.name());
            String clash = seen.putIfAbsent(name, topic.name());
            if (clash != null) {
                throw new IllegalArgumentException("topics " + clash + " and " + topic.name()
                        + " would both be the KafkaTopic " + name);
            }
            Map<String, Object> spec = new LinkedHashMap<>();
            if (!name.equals(topic.name())) {
                spec.put("topicName", topic.name());
            }
            spec.put("partitions", topic.numPartitions());
            spec.put("replicas", (int) topic.replicationFactor());
            if (topic.configs() != null && !topic.configs().isEmpty()) {
                spec.put("config", config(topic.configs()));
            }
            resources.add(resource("KafkaTopic", name, spec));
        }
        return resources;
    }

    public List<Map<String, Object>> users(AccessPolicy policy) {
        List<Map<String, Object>> resources = new ArrayList<>();
        for (String user : policy.userNames()) {
            resources.add(user(user, policy.bindings(user)));
        }
        return resources;
    }

    public Map<String, Object> user(String userName, List<AclBinding> bindings) {
        Map<String, Object> authorization = new LinkedHashMap<>();
        authorization.put("type", "simple");
        authorization.put("acls", StrimziAcls.rules(bindings));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("authentication", Map.of("type", "scram-sha-512"));
        spec.put("authorization", authorization);
        return resource("KafkaUser", userName, spec);
    }

    /** Topic configs in name order, numbers as numbers (as Strimzi's own examples write them). */
    private static Map<String, Object> config(Map<String, String> configs) {
        Map<String, Object> config = new TreeMap<>();
        configs.forEach((key, value) -> config.put(key, value.matches("-?\\d{1,18}") ? Long.valueOf(value) : value));
        return config;
    }

    /**
     * A Kubernetes name for a topic: lower case letters, digits, '-' and '.', starting and ending with
     * a letter or digit; a topic whose name is not one keeps it in {@code spec.topicName}.
     */
    static String resourceName(String topic) {
        String name = topic.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-")
                .replaceAll("^[^a-z0-9]+", "").replaceAll("[^a-z0-9]+$", "");
        if (name.isEmpty() || name.length() > 253) {
            throw new IllegalArgumentException("topic " + topic + " has no usable Kubernetes name");
        }
        return name;
    }

    private Map<String, Object> resource(String kind, String name, Map<String, Object> spec) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("labels", Map.of(CLUSTER_LABEL, cluster));
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("apiVersion", API_VERSION);
        resource.put("kind", kind);
        resource.put("metadata", metadata);
        resource.put("spec", spec);
        return resource;
    }
}
