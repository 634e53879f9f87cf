package io.resetflow.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.resetflow.core.access.command.TenantsCommand;
import io.resetflow.core.deploy.ManifestYaml;
import io.resetflow.core.deploy.StrimziAcls;
import io.resetflow.core.deploy.StrimziResources;
import io.resetflow.core.tenant.TenantsLoader;
import io.resetflow.core.topic.TopicNames;
import io.resetflow.core.topic.TopicPlan;
import io.resetflow.embedded.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The six ISPs and the services provisioned on a real SASL/SCRAM broker with the standard
 * authorizer, then each ISP doing what it may and being refused everything else.
 */
class TenantAccessOnBrokerTest {

    private static final String A = "stnet";
    private static final String B = "kddi-web";
    private static final TopicNames NAMES = TopicNames.DEFAULT;
    private static final AccessPolicy POLICY =
            new AccessPolicy(NAMES, TenantsLoader.load(Optional.empty()), ServiceIds.DEFAULT);
    private static final String INTERNAL_TOPIC = "reset-tracker-mailboxes-changelog";

    @TempDir
    static Path credentials;

    private static EmbeddedKafkaBroker broker;
    private static Admin admin;
    private static ProvisionPlan firstPlan;
    private static List<Path> written;

    @BeforeAll
    static void provisionTheTenants() {
        broker = EmbeddedKafkaBroker.builder().saslScram().build().start();
        admin = broker.createAdmin();
        broker.createTopic(INTERNAL_TOPIC, 1);
        Provisioner provisioner = provisioner();
        firstPlan = provisioner.plan(false);
        written = provisioner.apply(firstPlan);
        await().atMost(Duration.ofSeconds(30)).until(() -> audit().isEmpty());
    }

    @AfterAll
    static void stopBroker() {
        admin.close();
        broker.close();
    }

    private static Provisioner provisioner() {
        return new Provisioner(admin, POLICY, Provisioner.topicsOf(new TopicPlan(NAMES, 1, (short) 1), POLICY),
                new ScramCredentials(credentials, Map.of()), "SASL_PLAINTEXT");
    }

    private static List<Finding> audit() {
        ClusterAccess cluster = ClusterAccess.read(admin);
        return new AccessAudit(POLICY).findings(cluster.acls(), cluster.scramUsers());
    }

    private static Map<String, Object> client(String user) {
        Properties file = new Properties();
        try (Reader reader = Files.newBufferedReader(credentials.resolve(user + ".properties"), StandardCharsets.UTF_8)) {
            file.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Object> props = new HashMap<>();
        file.stringPropertyNames().forEach(name -> props.put(name, file.getProperty(name)));
        props.put("bootstrap.servers", broker.bootstrapServers());
        return props;
    }

    private static Map<String, Object> isp(String tenant) {
        return client(Principals.isp(tenant));
    }

    @Nested
    class Provisioning {

        @Test
        void createsEveryTopicUserAndAclOnceAndWritesOwnerOnlyCredentials() throws IOException {
            assertThat(firstPlan.topicsToCreate()).hasSize(8 + 6 * 7 + 3);
            assertThat(firstPlan.usersToCreate()).hasSize(6 + 5);
            assertThat(firstPlan.aclsToAdd()).hasSameSizeAs(POLICY.bindings());
            assertThat(written).hasSize(11);
            for (Path file : written) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            }
            assertThat(provisioner().plan(true).isEmpty()).isTrue();
        }

        @Test
        void strimziUsersGiveExactlyTheAclsProvisioningCreated() {
            // Given the KafkaUser resources generated from the same policy
            List<Map<String, Object>> users = new StrimziResources("resetflow").users(POLICY);
            Set<AclBinding> declared = new HashSet<>();
            for (Map<String, Object> user : users) {
                @SuppressWarnings("unchecked")
                Map<String, Object> spec = (Map<String, Object>) user.get("spec");
                @SuppressWarnings("unchecked")
                Map<String, Object> authorization = (Map<String, Object>) spec.get("authorization");
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> rules = (List<Map<String, Object>>) ManifestYaml.read(
                        ManifestYaml.write(List.of(), List.of(authorization))).get(0).get("acls");
                String name = (String) ((Map<?, ?>) user.get("metadata")).get("name");
                declared.addAll(StrimziAcls.bindings(Principals.user(name), rules));
            }

            // Then, read back from their YAML, they are every ACL the broker holds for a managed user, and no other
            Set<AclBinding> onBroker = ClusterAccess.read(admin).acls().stream()
                    .filter(acl -> Principals.userName(acl.entry().principal()).filter(POLICY.userNames()::contains)
                            .isPresent())
                    .collect(Collectors.toSet());
            assertThat(users).hasSize(6 + 5);
            assertThat(declared).hasSameSizeAs(POLICY.bindings()).isEqualTo(onBroker);
        }

        @Test
        void dryRunAfterProvisioningHasNothingToChange() {
            StringWriter out = new StringWriter();
            int code = new CommandLine(new TenantsCommand()).setOut(new PrintWriter(out)).execute("provision",
                    "--dry-run", "--bootstrap-server", broker.bootstrapServers(), "--command-config",
                    adminConfig().toString(), "--credentials-dir", credentials.toString());

            assertThat(code).isZero();
            assertThat(out.toString()).isEqualTo("Nothing to change: topics, users and ACLs match the policy."
                    + System.lineSeparator());
        }

        @Test
        void auditCommandIsCleanAndListsEachPrincipal() {
            StringWriter out = new StringWriter();
            int code = new CommandLine(new TenantsCommand()).setOut(new PrintWriter(out)).execute("audit",
                    "--bootstrap-server", broker.bootstrapServers(), "--command-config", adminConfig().toString());

            assertThat(code).isZero();
            assertThat(out.toString())
                    .contains("User:isp-stnet" + System.lineSeparator()
                            + "  ALLOW READ on group isp.stnet.*" + System.lineSeparator())
                    .contains("  ALLOW READ on topic isp.stnet.affected-accounts")
                    .contains("  DENY ALL on topic isp.kddi-web.*")
                    .endsWith("Audit clean: 11 principals, " + POLICY.bindings().size() + " ACLs, as the policy says."
                            + System.lineSeparator());
        }
    }

    @Nested
    class AServicePrincipal {

        @ParameterizedTest
        @org.junit.jupiter.params.provider.ValueSource(strings = {Principals.INTAKE, Principals.TRACKER,
                Principals.NOTIFIER, Principals.IMPORT})
        void seesExactlyTheTopicsItReadsOrWritesAndItsOwnInternalOnes(String service) throws Exception {
            java.util.Set<String> expected = new java.util.TreeSet<>(POLICY.topics(service, AclOperation.READ));
            expected.addAll(POLICY.topics(service, AclOperation.WRITE));
            if (service.equals(Principals.TRACKER)) {
                expected.add(INTERNAL_TOPIC);
            }
            try (Admin client = Admin.create(client(service))) {
                assertThat(new java.util.TreeSet<>(client.listTopics().names().get(10, TimeUnit.SECONDS)))
                        .isEqualTo(expected);
            }
        }
    }

    @Nested
    class AnIspPrincipal {

        @Test
        void readsItsAffectedAccountsStatusesAndCommands() throws Exception {
            for (String role : List.of(TopicNames.AFFECTED_ACCOUNTS, TopicNames.REMEDIATION_STATUS,
                    TopicNames.FORCE_RESETS, TopicNames.REJECTED_EVENTS)) {
                String topic = NAMES.tenantTopic(A, role);
                Clients.produce(broker.adminClientProperties(), topic, "mbx-1", role);

                assertThat(Clients.readFirst(isp(A), topic, "isp.stnet.reader"))
                        .extracting(record -> record.value()).containsExactly(role);
            }
        }

        @Test
        void writesItsResetEventsAndAnswersInItsOwnTransactions() throws Exception {
            assertThat(Clients.produce(isp(A), NAMES.tenantPasswordResets(A), "mbx-1", "reset").topic())
                    .isEqualTo(NAMES.tenantPasswordResets(A));
            Clients.produceTransactionally(isp(A), "isp.stnet.answers-0", NAMES.tenantCommandAnswers(A), "done");

            assertThat(Clients.readFirst(broker.adminClientProperties(), NAMES.tenantCommandAnswers(A), "check"))
                    .extracting(record -> record.value()).containsExactly("done");
        }

        @ParameterizedTest
        @MethodSource("io.resetflow.core.access.TenantAccessOnBrokerTest#topicsOtherThanItsOwn")
        void cannotReadAnyTopicButItsOwn(String topic) {
            assertThatThrownBy(() -> Clients.readFirst(isp(A), topic, "isp.stnet.reader"))
                    .isInstanceOf(TopicAuthorizationException.class);
        }

        @ParameterizedTest
        @MethodSource("io.resetflow.core.access.TenantAccessOnBrokerTest#topicsOtherThanItsOwn")
        void cannotWriteAnyTopicButItsOwn(String topic) {
            assertThatThrownBy(() -> Clients.produce(isp(A), topic, "mbx-1", "forged"))
                    .hasRootCauseInstanceOf(TopicAuthorizationException.class);
        }

        @Test
        void cannotWriteTheTopicsItOnlyReads() {
            assertThatThrownBy(() -> Clients.produce(isp(A), NAMES.tenantRemediationStatus(A), "mbx-1", "forged"))
                    .hasRootCauseInstanceOf(TopicAuthorizationException.class);
            assertThatThrownBy(() -> Clients.produce(isp(A), NAMES.tenantForceResets(A), "mbx-1", "forged"))
                    .hasRootCauseInstanceOf(TopicAuthorizationException.class);
        }

        @ParameterizedTest
        @MethodSource("io.resetflow.core.access.TenantAccessOnBrokerTest#groupsOtherThanItsOwn")
        void cannotJoinAnotherTenantsOrAServicesGroup(String group) {
            assertThatThrownBy(() -> Clients.readFirst(isp(A), NAMES.tenantAffectedAccounts(A), group))
                    .isInstanceOf(GroupAuthorizationException.class);
        }

        @ParameterizedTest
        @MethodSource("io.resetflow.core.access.TenantAccessOnBrokerTest#groupsOtherThanItsOwn")
        void cannotUseAnotherTenantsOrAServicesTransactionalId(String prefix) {
            assertThatThrownBy(() -> Clients.produceTransactionally(isp(A), prefix + "-0",
                    NAMES.tenantPasswordResets(A), "fenced"))
                    .isInstanceOf(TransactionalIdAuthorizationException.class);
        }
    }

    @Nested
    class Audit {

        @Test
        void flagsAHandAddedWildcardAndAnotherTenantsPrefixAndTheDenyStillHolds() throws Exception {
            AclBinding wildcard = allow(Principals.isp(A), new ResourcePattern(ResourceType.TOPIC, "*", PatternType.LITERAL));
            AclBinding foreign = allow(Principals.isp(A),
                    new ResourcePattern(ResourceType.TOPIC, NAMES.tenantAclPrefix(B), PatternType.PREFIXED));
            AclBinding everyone = allow("*", new ResourcePattern(ResourceType.TOPIC, NAMES.notifyOutcomes(),
                    PatternType.LITERAL));
            admin.createAcls(List.of(wildcard, foreign, everyone)).all().get(10, TimeUnit.SECONDS);
            try {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(audit())
                        .extracting(Finding::kind, Finding::principal)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple(Finding.Kind.WILDCARD, "User:isp-stnet"),
                                org.assertj.core.groups.Tuple.tuple(Finding.Kind.REACHES_TENANT, "User:isp-stnet"),
                                org.assertj.core.groups.Tuple.tuple(Finding.Kind.WILDCARD, "User:*")));
                assertThat(runAudit()).isEqualTo(1);

                // The policy's deny still stops the over-broad allows at the broker
                assertThatThrownBy(() -> Clients.readFirst(isp(A), NAMES.tenantAffectedAccounts(B), "isp.stnet.reader"))
                        .isInstanceOf(TopicAuthorizationException.class);
            } finally {
                admin.deleteAcls(List.of(wildcard.toFilter(), foreign.toFilter(), everyone.toFilter())).all()
                        .get(10, TimeUnit.SECONDS);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> audit().isEmpty());
        }

        @Test
        void flagsAMissingDenyAndProvisionPutsItBack() throws Exception {
            AclBinding deny = POLICY.bindings(Principals.isp(A)).stream()
                    .filter(b -> b.entry().permissionType() == AclPermissionType.DENY)
                    .filter(b -> b.pattern().name().equals(NAMES.tenantAclPrefix(B))).findFirst().orElseThrow();
            admin.deleteAcls(List.of(deny.toFilter())).all().get(10, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(audit())
                    .containsExactly(new Finding(Finding.Kind.MISSING_DENY, "User:isp-stnet", AclText.of(deny))));

            ProvisionPlan repair = provisioner().plan(false);
            assertThat(repair.diff()).containsExactly("+ acl " + AclText.of(deny));
            provisioner().apply(repair);
            await().atMost(Duration.ofSeconds(30)).until(() -> audit().isEmpty());
        }

        @Test
        void pruneRemovesAManagedPrincipalsGrantOutsideThePolicy() throws Exception {
            AclBinding extra = allow(Principals.TRACKER, new ResourcePattern(ResourceType.TOPIC,
                    NAMES.breachAffectedAccounts(), PatternType.LITERAL));
            admin.createAcls(List.of(extra)).all().get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(audit())
                    .containsExactly(new Finding(Finding.Kind.UNEXPECTED, "User:resetflow-tracker", AclText.of(extra))));

            assertThat(provisioner().plan(false).diff()).containsExactly(
                    "~ acl " + AclText.of(extra) + " (not in the policy; --prune removes it)");
            ProvisionPlan prune = provisioner().plan(true);
            assertThat(prune.diff()).containsExactly("- acl " + AclText.of(extra));
            provisioner().apply(prune);
            await().atMost(Duration.ofSeconds(30)).until(() -> audit().isEmpty());
        }

        private static AclBinding allow(String user, ResourcePattern pattern) {
            return new AclBinding(pattern, new AccessControlEntry(user.equals("*") ? "User:*" : Principals.user(user),
                    "*", AclOperation.READ, AclPermissionType.ALLOW));
        }

        private int runAudit() {
            return new CommandLine(new TenantsCommand()).setOut(new PrintWriter(new StringWriter())).execute("audit",
                    "--bootstrap-server", broker.bootstrapServers(), "--command-config", adminConfig().toString());
        }
    }

    static Stream<String> topicsOtherThanItsOwn() {
        List<String> topics = new ArrayList<>();
        TopicNames.TENANT_ROLES.forEach(role -> topics.add(NAMES.tenantTopic(B, role)));
        topics.addAll(NAMES.sharedTopics());
        POLICY.tenants().ids().forEach(tenant -> topics.add(NAMES.notifyRequests(tenant)));
        topics.addAll(POLICY.deadLetterTopics());
        topics.add(INTERNAL_TOPIC);
        return topics.stream();
    }

    static Stream<String> groupsOtherThanItsOwn() {
        return Stream.of(NAMES.tenantAclPrefix(B) + "reader", ServiceIds.DEFAULT.trackerApplication(),
                ServiceIds.DEFAULT.intakeApplication(), ServiceIds.DEFAULT.notifierGroup());
    }

    private static Path adminConfig() {
        Path file = credentials.resolve("admin.client.properties");
        if (!Files.exists(file)) {
            Properties props = new Properties();
            broker.adminClientProperties().forEach((key, value) -> {
                if (!key.equals("bootstrap.servers")) {
                    props.setProperty(key, String.valueOf(value));
                }
            });
            try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                props.store(writer, null);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return file;
    }
}
