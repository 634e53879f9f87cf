package io.resetflow.core.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Kafka ACL bindings as the rules of a Strimzi {@code KafkaUser}'s simple authorization, and back:
 * bindings on the same resource with the same permission become one rule listing its operations.
 */
public final class StrimziAcls {

    private StrimziAcls() {
    }

    public static List<Map<String, Object>> rules(List<AclBinding> bindings) {
        Map<List<Object>, Map<String, Object>> rules = new LinkedHashMap<>();
        for (AclBinding binding : bindings) {
            ResourcePattern pattern = binding.pattern();
            AccessControlEntry entry = binding.entry();
            List<Object> key = List.of(pattern.resourceType(), pattern.name(), pattern.patternType(),
                    entry.permissionType(), entry.host());
            Map<String, Object> rule = rules.computeIfAbsent(key, k -> newRule(pattern, entry));
            @SuppressWarnings("unchecked")
            List<String> operations = (List<String>) rule.get("operations");
            String operation = operation(entry.operation());
            if (!operations.contains(operation)) {
                operations.add(operation);
            }
        }
        return List.copyOf(rules.values());
    }

    /** The bindings a user's rules give its principal: what the cluster holds once Strimzi applied them. */
    public static List<AclBinding> bindings(String principal, List<Map<String, Object>> rules) {
        List<AclBinding> bindings = new ArrayList<>();
        for (Map<String, Object> rule : rules) {
            @SuppressWarnings("unchecked")
            Map<String, Object> resource = (Map<String, Object>) rule.get("resource");
            ResourcePattern pattern = new ResourcePattern(resourceType((String) resource.get("type")),
                    (String) resource.getOrDefault("name", "kafka-cluster"),
                    "prefix".equals(resource.get("patternType")) ? PatternType.PREFIXED : PatternType.LITERAL);
            AclPermissionType permission = "deny".equals(rule.get("type")) ? AclPermissionType.DENY
                    : AclPermissionType.ALLOW;
            @SuppressWarnings("unchecked")
            List<String> operations = (List<String>) rule.get("operations");
            for (String operation : operations) {
                bindings.add(new AclBinding(pattern, new AccessControlEntry(principal,
                        (String) rule.getOrDefault("host", "*"), AclOperation.fromString(snake(operation)),
                        permission)));
            }
        }
        return bindings;
    }

    private static Map<String, Object> newRule(ResourcePattern pattern, AccessControlEntry entry) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("type", resourceType(pattern.resourceType()));
        if (pattern.resourceType() != ResourceType.CLUSTER) {
            resource.put("name", pattern.name());
            resource.put("patternType", pattern.patternType() == PatternType.PREFIXED ? "prefix" : "literal");
        }
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("type", entry.permissionType() == AclPermissionType.DENY ? "deny" : "allow");
        rule.put("resource", resource);
        rule.put("operations", new ArrayList<String>());
        rule.put("host", entry.host());
        return rule;
    }

    private static String resourceType(ResourceType type) {
        return switch (type) {
            case TOPIC -> "topic";
            case GROUP -> "group";
            case CLUSTER -> "cluster";
            case TRANSACTIONAL_ID -> "transactionalId";
            default -> throw new IllegalArgumentException("Strimzi has no ACL resource type for " + type);
        };
    }

    private static ResourceType resourceType(String type) {
        return switch (type) {
            case "topic" -> ResourceType.TOPIC;
            case "group" -> ResourceType.GROUP;
            case "cluster" -> ResourceType.CLUSTER;
            case "transactionalId" -> ResourceType.TRANSACTIONAL_ID;
            default -> throw new IllegalArgumentException("unknown Strimzi ACL resource type " + type);
        };
    }

    /** Strimzi spells operations in camel case from a capital: Read, IdempotentWrite, All. */
    private static String operation(AclOperation operation) {
        StringBuilder name = new StringBuilder();
        for (String word : operation.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }

    private static String snake(String operation) {
        return operation.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }
}
