package io.resetflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.resetflow.core.access.Principals;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deploy/kubernetes as an operator applies it: the Strimzi files are what the code generates, both
 * overlays render with the real Kustomize, every Strimzi resource is valid for Strimzi 1.2's CRDs,
 * and the workloads run as the users, with the probes and the secrets, the rest of the code expects.
 */
class KubernetesManifestsTest {

    private static final Path KUBERNETES = Path.of("..", "kubernetes");
    private static final Path STRIMZI_FILES = KUBERNETES.resolve("base/strimzi");
    private static final Map<String, String> USER_OF_WORKLOAD = Map.of("resetflow-intake", Principals.INTAKE,
            "resetflow-reset-tracker", Principals.TRACKER, "resetflow-notifier", Principals.NOTIFIER);

    private static CrdSchemas crds;

    @TempDir
    Path generated;

    @BeforeAll
    static void loadCrds() {
        crds = new CrdSchemas();
    }

    @Test
    void committedStrimziFilesAreTheOnesTheCodeGenerates() throws IOException {
        StringWriter out = new StringWriter();
        int code = ResetFlowCli.commandLine().setOut(new PrintWriter(out)).execute("manifests", "strimzi",
                "--config", KUBERNETES.resolve("manifests.properties").toString(), "--out", generated.toString());

        assertThat(code).isZero();
        assertThat(out.toString()).isEqualTo("Wrote 67 KafkaTopics to "
                + generated.resolve(StrimziManifests.TOPICS_FILE) + " and 11 KafkaUsers to "
                + generated.resolve(StrimziManifests.USERS_FILE) + "." + System.lineSeparator());
        for (String file : List.of(StrimziManifests.TOPICS_FILE, StrimziManifests.USERS_FILE)) {
            assertThat(Files.readString(STRIMZI_FILES.resolve(file)))
                    .as("%s is stale: bin/resetflow manifests strimzi --config deploy/kubernetes/manifests.properties"
                            + " --out deploy/kubernetes/base/strimzi", file)
                    .isEqualTo(Files.readString(generated.resolve(file)));
        }
    }

    @Test
    void generatedTopicsHaveThePartitionsAndReplicasTheServicesAreConfiguredWith() throws IOException {
        Properties manifests = properties(KUBERNETES.resolve("manifests.properties"));
        Properties environment = properties(KUBERNETES.resolve("base/config/environment.env"));

        assertThat(manifests.getProperty("topics.partitions"))
                .isEqualTo(environment.getProperty("RESETFLOW_TOPICS_PARTITIONS"));
        assertThat(manifests.getProperty("topics.replication.factor"))
                .isEqualTo(environment.getProperty("RESETFLOW_TOPICS_REPLICATION_FACTOR"));
    }

    @ParameterizedTest(name = "overlay {0}")
    @ValueSource(strings = {"local", "production"})
    void overlayRendersAndEveryStrimziResourceIsValidForItsCrd(String overlay) throws Exception {
        List<JsonNode> resources = Kustomize.render(KUBERNETES.resolve("overlays").resolve(overlay));

        List<String> problems = new ArrayList<>();
        for (JsonNode resource : resources) {
            if (crds.covers(resource)) {
                crds.problems(resource).forEach(p -> problems.add(name(resource) + ": " + p));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(of(resources, "KafkaTopic")).hasSize(67);
        assertThat(of(resources, "KafkaNodePool")).extracting(r -> r.path("metadata").path("name").asText() + " "
                + r.path("spec").path("replicas").asInt()).containsExactlyInAnyOrderElementsOf(
                overlay.equals("local") ? List.of("dual-role 1") : List.of("broker 3", "controller 3"));
        List<JsonNode> kafkas = of(resources, "Kafka");
        assertThat(kafkas).hasSize(1);
        String cluster = kafkas.get(0).path("metadata").path("name").asText();
        for (String kind : List.of("KafkaTopic", "KafkaUser", "KafkaNodePool")) {
            assertThat(of(resources, kind)).allSatisfy(r -> assertThat(
                    r.path("metadata").path("labels").path("strimzi.io/cluster").asText()).as(name(r))
                    .isEqualTo(cluster));
        }
    }

    @ParameterizedTest(name = "overlay {0}")
    @ValueSource(strings = {"local", "production"})
    void workloadsRunUnprivilegedAsTheirOwnKafkaUserWithHealthProbes(String overlay) throws Exception {
        List<JsonNode> resources = Kustomize.render(KUBERNETES.resolve("overlays").resolve(overlay));
        String cluster = of(resources, "Kafka").get(0).path("metadata").path("name").asText();
        Set<String> kafkaUsers = of(resources, "KafkaUser").stream().map(r -> r.path("metadata").path("name").asText())
                .collect(Collectors.toSet());
        List<JsonNode> workloads = new ArrayList<>(of(resources, "Deployment"));
        workloads.addAll(of(resources, "StatefulSet"));

        assertThat(workloads).extracting(KubernetesManifestsTest::baseName)
                .containsExactlyInAnyOrderElementsOf(USER_OF_WORKLOAD.keySet());
        Set<String> images = new TreeSet<>();
        for (JsonNode workload : workloads) {
            JsonNode pod = workload.path("spec").path("template").path("spec");
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).as(name(workload)).isTrue();
            assertThat(!pod.path("automountServiceAccountToken").asBoolean(true) || serviceAccountHidesToken(resources))
                    .as(name(workload) + " mounts no Kubernetes API token").isTrue();
            for (JsonNode container : pod.path("containers")) {
                images.add(container.path("image").asText());
                JsonNode security = container.path("securityContext");
                assertThat(security.path("readOnlyRootFilesystem").asBoolean()).as(name(workload)).isTrue();
                assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).as(name(workload)).isFalse();
                assertThat(container.path("livenessProbe").path("httpGet").path("path").asText())
                        .isEqualTo("/health/live");
                assertThat(container.path("readinessProbe").path("httpGet").path("path").asText())
                        .isEqualTo("/health/ready");
            }
            // The service authenticates as its own KafkaUser: Strimzi's Secret of that name
            Set<String> jaasSecrets = new TreeSet<>();
            Set<String> caSecrets = new TreeSet<>();
            for (JsonNode volume : pod.path("volumes")) {
                volume.path("projected").path("sources").forEach(source -> {
                    JsonNode secret = source.path("secret");
                    secret.path("items").forEach(item -> {
                        if (item.path("path").asText().equals("kafka.sasl.jaas.config")) {
                            jaasSecrets.add(secret.path("name").asText());
                        }
                    });
                });
                if (volume.path("secret").path("secretName").asText().endsWith("-cluster-ca-cert")) {
                    caSecrets.add(volume.path("secret").path("secretName").asText());
                }
            }
            assertThat(jaasSecrets).as(name(workload)).containsExactly(USER_OF_WORKLOAD.get(baseName(workload)));
            assertThat(kafkaUsers).contains(jaasSecrets.iterator().next());
            assertThat(caSecrets).as(name(workload)).containsExactly(cluster + "-cluster-ca-cert");
        }
        assertThat(images).as("one image for the three services").hasSize(1);
    }

    @Test
    void localTopicsFitOneBrokerAndProductionOnesSurviveTheLossOfOne() throws Exception {
        List<JsonNode> local = Kustomize.render(KUBERNETES.resolve("overlays/local"));
        List<JsonNode> production = Kustomize.render(KUBERNETES.resolve("overlays/production"));

        assertThat(of(local, "KafkaTopic")).allSatisfy(t -> assertThat(t.path("spec").path("replicas").asInt())
                .isEqualTo(1));
        assertThat(of(production, "KafkaTopic")).allSatisfy(t -> assertThat(t.path("spec").path("replicas").asInt())
                .isEqualTo(3));
        JsonNode config = of(production, "Kafka").get(0).path("spec").path("kafka").path("config");
        assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(of(production, "Kafka").get(0).path("spec").path("kafka").path("authorization").path("type")
                .asText()).isEqualTo("simple");
    }

    /** The services stay inside the cluster; the ISPs reach it from outside, only over TLS with SCRAM. */
    @Test
    void productionAddsAnExternalTlsScramListenerForTheIsps() throws Exception {
        assertThat(listeners("overlays/local")).containsExactly("tls internal 9093 tls=true scram-sha-512");
        assertThat(listeners("overlays/production")).containsExactly("tls internal 9093 tls=true scram-sha-512",
                "external loadbalancer 9094 tls=true scram-sha-512");
    }

    private static List<String> listeners(String overlay) throws Exception {
        JsonNode kafka = of(Kustomize.render(KUBERNETES.resolve(overlay)), "Kafka").get(0);
        List<String> listeners = new java.util.ArrayList<>();
        kafka.path("spec").path("kafka").path("listeners").forEach(l -> listeners.add(l.path("name").asText() + " "
                + l.path("type").asText() + " " + l.path("port").asInt() + " tls=" + l.path("tls").asBoolean() + " "
                + l.path("authentication").path("type").asText()));
        return listeners;
    }

    @Test
    void theSchemaCheckRefusesWhatStrimziWouldRejectOrSilentlyDrop() throws Exception {
        JsonNode user = of(Kustomize.render(KUBERNETES.resolve("overlays/local")), "KafkaUser").get(0);
        ObjectNode unknownField = user.deepCopy();
        ((ObjectNode) unknownField.path("spec").path("authorization").path("acls").get(0)).put("operation", "Read");
        ObjectNode badType = user.deepCopy();
        ((ObjectNode) badType.path("spec").path("authentication")).put("type", "plain");

        assertThat(crds.problems(user)).isEmpty();
        assertThat(crds.problems(unknownField)).singleElement().asString().contains("operation");
        assertThat(crds.problems(badType)).singleElement().asString().contains("type");
    }

    private static boolean serviceAccountHidesToken(List<JsonNode> resources) {
        return of(resources, "ServiceAccount").stream()
                .allMatch(account -> !account.path("automountServiceAccountToken").asBoolean(true));
    }

    private static List<JsonNode> of(List<JsonNode> resources, String kind) {
        return resources.stream().filter(r -> r.path("kind").asText().equals(kind)).toList();
    }

    private static String name(JsonNode resource) {
        return resource.path("kind").asText() + "/" + resource.path("metadata").path("name").asText();
    }

    /** The workload's name without an overlay's prefix or suffix. */
    private static String baseName(JsonNode workload) {
        String name = workload.path("metadata").path("name").asText();
        return USER_OF_WORKLOAD.keySet().stream().filter(name::contains).findFirst().orElse(name);
    }

    private static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
