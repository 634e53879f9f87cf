package io.resetflow.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.resetflow.core.identity.MailboxIds;
import io.resetflow.core.tenant.Tenants;
import io.resetflow.core.tenant.TenantsLoader;
import io.resetflow.core.topic.TopicNames;
import io.resetflow.core.topic.TopologyTopics;
import io.resetflow.intake.IntakeTopics;
import io.resetflow.intake.IntakeTopology;
import io.resetflow.registry.InMemorySchemaRegistryClient;
import io.resetflow.serde.AvroSerdes;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private static final Tenants TENANTS = TenantsLoader.bundled();
    private static final TopicNames NAMES = TopicNames.DEFAULT;
    private static final AccessPolicy POLICY = new AccessPolicy(NAMES, TENANTS, ServiceIds.DEFAULT);

    @Test
    void managesOneUserPerIspAndPerService() {
        assertThat(POLICY.userNames()).containsExactly("isp-stnet", "isp-kddi-web", "isp-jcom", "isp-ctc",
                "isp-nifty", "isp-biglobe", "resetflow-intake", "resetflow-tracker", "resetflow-notifier",
                "resetflow-import", "resetflow-operations");
    }

    @Test
    void givesAnIspItsOwnTopicsByNameAndItsPrefixForGroupsAndTransactions() {
        List<String> allows = POLICY.bindings("isp-jcom").stream()
                .filter(b -> b.entry().permissionType() == AclPermissionType.ALLOW).map(AclText::of).toList();

        assertThat(allows).containsExactly(
                "User:isp-jcom ALLOW READ on topic isp.jcom.affected-accounts",
                "User:isp-jcom ALLOW READ on topic isp.jcom.remediation-status",
                "User:isp-jcom ALLOW READ on topic isp.jcom.force-resets",
                "User:isp-jcom ALLOW READ on topic isp.jcom.rejected-events",
                "User:isp-jcom ALLOW WRITE on topic isp.jcom.password-resets",
                "User:isp-jcom ALLOW WRITE on topic isp.jcom.command-answers",
                "User:isp-jcom ALLOW READ on group isp.jcom.*",
                "User:isp-jcom ALLOW WRITE on transactional_id isp.jcom.*");
    }

    @Test
    void deniesAnIspEveryOtherTenantEverySharedTopicAndEveryService() {
        Set<String> denied = new TreeSet<>();
        for (AclBinding binding : POLICY.bindings("isp-jcom")) {
            if (binding.entry().permissionType() == AclPermissionType.DENY) {
                assertThat(binding.pattern().patternType()).isEqualTo(PatternType.PREFIXED);
                assertThat(binding.entry().operation()).isEqualTo(AclOperation.ALL);
                denied.add(binding.pattern().resourceType() + " " + binding.pattern().name());
            }
        }

        Set<String> expected = new TreeSet<>();
        for (String other : List.of("stnet", "kddi-web", "ctc", "nifty", "biglobe")) {
            for (ResourceType type : List.of(ResourceType.TOPIC, ResourceType.GROUP, ResourceType.TRANSACTIONAL_ID)) {
                expected.add(type + " isp." + other + ".");
            }
        }
        List.of("breach.", "remediation.", "notify.").forEach(prefix -> expected.add("TOPIC " + prefix));
        for (String service : List.of("resetflow-intake", "reset-tracker", "resetflow-notifier")) {
            for (ResourceType type : List.of(ResourceType.TOPIC, ResourceType.GROUP, ResourceType.TRANSACTIONAL_ID)) {
                expected.add(type + " " + service);
            }
        }
        assertThat(denied).isEqualTo(expected);
    }

    @Test
    void letsOnlyOperationsReadTheDeadLetters() {
        for (String deadLetter : POLICY.deadLetterTopics()) {
            List<String> readers = POLICY.userNames().stream()
                    .filter(user -> POLICY.topics(user, AclOperation.READ).contains(deadLetter)).toList();
            assertThat(readers).as(deadLetter).containsExactly(Principals.OPERATIONS);
        }
    }

    @Test
    void letsOnlyTheTrackerWriteNotificationRequests() {
        for (String tenant : TENANTS.ids()) {
            List<String> writers = POLICY.userNames().stream()
                    .filter(user -> POLICY.topics(user, AclOperation.WRITE).contains(NAMES.notifyRequests(tenant)))
                    .toList();
            assertThat(writers).containsExactly(Principals.TRACKER);
        }
    }

    @Test
    void givesIntakeExactlyTheTopicsItsTopologyReadsAndWrites() {
        IntakeTopics topics = IntakeTopics.of(NAMES, new AvroSerdes(new InMemorySchemaRegistryClient(), Map.of()));
        TopologyTopics used = TopologyTopics.of(IntakeTopology.build(TENANTS,
                new MailboxIds("policy-test-secret-0123456789abcdefghij"), topics, tenant -> { }));

        assertThat(POLICY.topics(Principals.INTAKE, AclOperation.READ)).isEqualTo(used.reads());
        // The sink that picks each record's tenant topic is not named in the description.
        Set<String> writes = new TreeSet<>(used.writes());
        TENANTS.ids().forEach(tenant -> writes.add(NAMES.tenantAffectedAccounts(tenant)));
        writes.add(NAMES.deadLetter(ServiceIds.DEFAULT.intakeApplication()));
        assertThat(POLICY.topics(Principals.INTAKE, AclOperation.WRITE)).isEqualTo(writes);
    }
}
