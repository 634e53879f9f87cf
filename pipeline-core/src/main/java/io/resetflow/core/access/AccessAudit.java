package io.resetflow.core.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Compares what the cluster grants with the policy. Every finding fails the audit: drift of a managed
 * principal either way, and any allow that reaches further than the policy whoever holds it.
 */
public final class AccessAudit {

    private final AccessPolicy policy;

    public AccessAudit(AccessPolicy policy) {
        this.policy = policy;
    }

    public List<Finding> findings(Collection<AclBinding> current, Set<String> scramUsers) {
        List<Finding> findings = new ArrayList<>();
        for (String user : policy.userNames()) {
            if (!scramUsers.contains(user)) {
                findings.add(new Finding(Finding.Kind.MISSING_USER, Principals.user(user), "no SCRAM-SHA-512 credential"));
            }
        }
        Set<AclBinding> present = new HashSet<>(current);
        Set<AclBinding> expected = new HashSet<>(policy.bindings());
        policy.bindings().stream().filter(b -> !present.contains(b)).sorted(AclText.ORDER).forEach(binding ->
                findings.add(new Finding(binding.entry().permissionType() == AclPermissionType.DENY
                        ? Finding.Kind.MISSING_DENY : Finding.Kind.MISSING_ALLOW, binding.entry().principal(),
                        AclText.of(binding))));
        current.stream().filter(b -> !expected.contains(b)).sorted(AclText.ORDER).forEach(binding ->
                unexpected(binding).ifPresent(findings::add));
        return findings;
    }

    /** What each principal may do, by principal, as the audit prints it. */
    public static TreeMap<String, TreeSet<String>> byPrincipal(Collection<AclBinding> current) {
        TreeMap<String, TreeSet<String>> listing = new TreeMap<>();
        for (AclBinding binding : current) {
            listing.computeIfAbsent(binding.entry().principal(), p -> new TreeSet<>()).add(AclText.of(binding));
        }
        return listing;
    }

    private Optional<Finding> unexpected(AclBinding binding) {
        String principal = binding.entry().principal();
        boolean allow = binding.entry().permissionType() == AclPermissionType.ALLOW;
        if (allow && (principal.equals("User:*") || isWildcard(binding.pattern()))) {
            return Optional.of(new Finding(Finding.Kind.WILDCARD, principal, AclText.of(binding)));
        }
        if (allow) {
            List<String> reached = tenantsReached(binding.pattern());
            if (!reached.isEmpty()) {
                return Optional.of(new Finding(Finding.Kind.REACHES_TENANT, principal,
                        AclText.of(binding) + " reaches " + String.join(", ", reached)));
            }
        }
        boolean managed = Principals.userName(principal).filter(policy.userNames()::contains).isPresent();
        return managed ? Optional.of(new Finding(Finding.Kind.UNEXPECTED, principal, AclText.of(binding)))
                : Optional.empty();
    }

    private static boolean isWildcard(ResourcePattern pattern) {
        return pattern.patternType() == PatternType.LITERAL && pattern.name().equals(ResourcePattern.WILDCARD_RESOURCE)
                || pattern.patternType() == PatternType.PREFIXED && pattern.name().isEmpty();
    }

    /** Tenants whose topics, groups or transactional ids the pattern matches. */
    private List<String> tenantsReached(ResourcePattern pattern) {
        if (pattern.resourceType() != ResourceType.TOPIC && pattern.resourceType() != ResourceType.GROUP
                && pattern.resourceType() != ResourceType.TRANSACTIONAL_ID) {
            return List.of();
        }
        List<String> reached = new ArrayList<>();
        for (String tenant : policy.tenants().ids()) {
            String prefix = policy.names().tenantAclPrefix(tenant);
            boolean hit = switch (pattern.patternType()) {
                case LITERAL -> pattern.name().startsWith(prefix);
                case PREFIXED -> pattern.name().startsWith(prefix) || prefix.startsWith(pattern.name());
                default -> false;
            };
            if (hit) {
                reached.add(tenant);
            }
        }
        return reached;
    }
}
