package io.resetflow.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.resetflow.embedded.registry.EmbeddedSchemaRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SaslScramBrokerTest {

    private static final ScramUser STNET = new ScramUser("stnet", "stnet-secret");
    private static final String STNET_TOPIC = "isp.stnet.password-resets";
    private static final String KDDI_TOPIC = "isp.kddi-web.password-resets";

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startSecuredBrokerWithTenantUser() throws Exception {
        broker = EmbeddedKafkaBroker.builder().saslScram().build().start();
        broker.createTopic(STNET_TOPIC, 1);
        broker.createTopic(KDDI_TOPIC, 1);
        try (Admin admin = broker.createAdmin()) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(STNET.name(),
                            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), STNET.password())))
                    .all().get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(30)).until(() -> admin.describeUserScramCredentials()
                    .users().get(10, TimeUnit.SECONDS).contains(STNET.name()));
        }
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void givesAdminClientsScramSettings() {
        assertThat(broker.isSaslEnabled()).isTrue();
        assertThat(broker.adminClientProperties())
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .hasEntrySatisfying("sasl.jaas.config", jaas -> assertThat((String) jaas)
                        .contains("username=\"admin\"").contains("password=\"admin-secret\""));
    }

    @Test
    void letsTheAdminProduceAnywhere() throws Exception {
        assertThat(Records.produce(broker.adminClientProperties(), KDDI_TOPIC, "mbx-1", "reset").offset())
                .isGreaterThanOrEqualTo(0);
    }

    @Test
    void runsTheSchemaRegistryWithTheAdminCredentials() throws Exception {
        try (EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.builder(broker.bootstrapServers())
                .clientProperties(broker.adminClientProperties()).build().start()) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(registry.url() + "/subjects/isp.stnet.password-resets-value/versions"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"\\\"string\\\"\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).matches("\\{\"id\":[0-9]+}");
        }
    }

    @Test
    void rejectsAClientWithAWrongPassword() {
        Map<String, Object> props = broker.clientProperties(new ScramUser(STNET.name(), "guessed"));

        assertThatThrownBy(() -> Records.produce(props, STNET_TOPIC, "mbx-1", "reset"))
                .hasRootCauseInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void letsATenantProduceOnlyUnderItsOwnPrefixOnceGranted() throws Exception {
        Map<String, Object> stnet = broker.clientProperties(STNET);

        // Given no ACL: the tenant user is authenticated but may not write
        assertThatThrownBy(() -> Records.produce(stnet, STNET_TOPIC, "mbx-1", "reset"))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);

        // When the tenant is granted WRITE on its prefix
        try (Admin admin = broker.createAdmin()) {
            admin.createAcls(List.of(new AclBinding(
                            new ResourcePattern(ResourceType.TOPIC, "isp.stnet.", PatternType.PREFIXED),
                            new AccessControlEntry("User:" + STNET.name(), "*", AclOperation.WRITE,
                                    AclPermissionType.ALLOW))))
                    .all().get(10, TimeUnit.SECONDS);
        }

        // Then it writes to its own topics (once the broker has applied the ACL) ...
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                assertThat(Records.produce(stnet, STNET_TOPIC, "mbx-1", "reset").topic()).isEqualTo(STNET_TOPIC));
        // ... and still not to another tenant's
        assertThatThrownBy(() -> Records.produce(stnet, KDDI_TOPIC, "mbx-2", "reset"))
                .hasRootCauseInstanceOf(TopicAuthorizationException.class);
    }
}
