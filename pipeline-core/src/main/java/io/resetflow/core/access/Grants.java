package io.resetflow.core.access;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/** Collects the ACL bindings of one principal, from any host. */
final class Grants {

    private final String principal;
    private final List<AclBinding> bindings = new ArrayList<>();

    Grants(String userName) {
        this.principal = Principals.user(userName);
    }

    Grants readTopic(String topic) {
        return allow(ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ);
    }

    Grants writeTopic(String topic) {
        return allow(ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE);
    }

    /** Everything on topics under the prefix: a Streams application's internal topics. */
    Grants ownTopics(String prefix) {
        return allow(ResourceType.TOPIC, prefix, PatternType.PREFIXED, AclOperation.ALL);
    }

    Grants groups(String name, PatternType pattern) {
        return allow(ResourceType.GROUP, name, pattern, AclOperation.READ);
    }

    /** Reading a group's committed offsets, and nothing more: what reconciliation needs of a service's group. */
    Grants describeGroup(String group) {
        return allow(ResourceType.GROUP, group, PatternType.LITERAL, AclOperation.DESCRIBE);
    }

    Grants transactionalIds(String prefix) {
        return allow(ResourceType.TRANSACTIONAL_ID, prefix, PatternType.PREFIXED, AclOperation.WRITE);
    }

    /**
     * Reading the configuration of every topic granted so far, literally: what a service's start-up
     * check needs to see that a topic is compacted as planned.
     */
    Grants describeConfigsOfTopics() {
        bindings.stream()
                .filter(binding -> binding.pattern().resourceType() == ResourceType.TOPIC
                        && binding.pattern().patternType() == PatternType.LITERAL)
                .map(binding -> binding.pattern().name())
                .distinct()
                .toList()
                .forEach(topic -> allow(ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.DESCRIBE_CONFIGS));
        return this;
    }

    /** A deny overrides any allow, so a later over-broad grant still cannot reach these resources. */
    Grants deny(ResourceType type, String prefix) {
        bindings.add(new AclBinding(new ResourcePattern(type, prefix, PatternType.PREFIXED),
                new AccessControlEntry(principal, "*", AclOperation.ALL, AclPermissionType.DENY)));
        return this;
    }

    private Grants allow(ResourceType type, String name, PatternType pattern, AclOperation operation) {
        bindings.add(new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW)));
        return this;
    }

    List<AclBinding> bindings() {
        return bindings;
    }
}
