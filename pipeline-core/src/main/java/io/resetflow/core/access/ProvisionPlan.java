package io.resetflow.core.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AclBinding;

/**
 * What provisioning would change: the topics, users and ACLs missing, and the ACLs of managed
 * principals the policy no longer gives them (removed only when pruning, listed either way).
 */
public record ProvisionPlan(List<NewTopic> topicsToCreate, List<String> usersToCreate, List<AclBinding> aclsToAdd,
                            List<AclBinding> aclsToRemove, List<AclBinding> aclsKept) {

    public static ProvisionPlan between(AccessPolicy policy, List<NewTopic> topics, Set<String> existingTopics,
                                        Set<String> existingUsers, Collection<AclBinding> current, boolean prune) {
        List<NewTopic> create = topics.stream().filter(t -> !existingTopics.contains(t.name())).toList();
        List<String> users = policy.userNames().stream().filter(u -> !existingUsers.contains(u)).toList();
        Set<AclBinding> present = new HashSet<>(current);
        Set<AclBinding> wanted = new HashSet<>(policy.bindings());
        List<AclBinding> add = policy.bindings().stream().filter(b -> !present.contains(b)).toList();
        List<AclBinding> extra = current.stream()
                .filter(b -> !wanted.contains(b))
                .filter(b -> Principals.userName(b.entry().principal()).filter(policy.userNames()::contains).isPresent())
                .sorted(AclText.ORDER)
                .toList();
        return new ProvisionPlan(create, users, add, prune ? extra : List.of(), prune ? List.of() : extra);
    }

    public boolean isEmpty() {
        return topicsToCreate.isEmpty() && usersToCreate.isEmpty() && aclsToAdd.isEmpty() && aclsToRemove.isEmpty();
    }

    /** The plan as a diff: {@code +} added, {@code -} removed, {@code ~} kept although outside the policy. */
    public List<String> diff() {
        List<String> lines = new ArrayList<>();
        topicsToCreate.forEach(t -> lines.add("+ topic " + t.name()));
        usersToCreate.forEach(u -> lines.add("+ user " + u + " (SCRAM-SHA-512)"));
        aclsToAdd.stream().sorted(AclText.ORDER).forEach(b -> lines.add("+ acl " + AclText.of(b)));
        aclsToRemove.forEach(b -> lines.add("- acl " + AclText.of(b)));
        aclsKept.forEach(b -> lines.add("~ acl " + AclText.of(b) + " (not in the policy; --prune removes it)"));
        return lines;
    }
}
