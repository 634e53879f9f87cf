package io.resetflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The image profile as a registry-connected CI builds it (nothing here can pull a base image, so the
 * configuration is checked instead): a digest-pinned JRE base, the pods' unprivileged user, the one
 * command line as entrypoint, and the repository the manifests deploy.
 */
class ImageConfigurationTest {

    private static final String JIB = "/project/profiles/profile[id='image']/build/plugins/plugin"
            + "[artifactId='jib-maven-plugin']";

    private static Document pom;
    private static XPath xpath;

    @BeforeAll
    static void readPom() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        pom = factory.newDocumentBuilder().parse(Path.of("..", "..", "cli", "pom.xml").toFile());
        xpath = XPathFactory.newInstance().newXPath();
    }

    @Test
    void baseImageIsAJreRuntimePinnedByDigestAndThePluginByVersion() throws Exception {
        assertThat(text(JIB + "/version")).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(text(JIB + "/configuration/from/image"))
                .matches("eclipse-temurin:17-jre@sha256:[0-9a-f]{64}");
    }

    @Test
    void imageRunsTheCommandLineAsThePodsUnprivilegedUser() throws Exception {
        assertThat(text(JIB + "/configuration/container/mainClass")).isEqualTo(ResetFlowCli.class.getName());
        assertThat(texts(JIB + "/configuration/container/jvmFlags/jvmFlag"))
                .containsExactly("-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8");

        JsonNode pod = Kustomize.render(Path.of("..", "kubernetes", "overlays", "production")).stream()
                .filter(r -> r.path("kind").asText().equals("StatefulSet")).findFirst().orElseThrow()
                .path("spec").path("template").path("spec").path("securityContext");
        String user = text(JIB + "/configuration/container/user");
        assertThat(user).isEqualTo("10001:10001")
                .isEqualTo(pod.path("runAsUser").asText() + ":" + pod.path("runAsGroup").asText());
    }

    @Test
    void imageIsTheOneTheKubernetesBaseDeploys() throws Exception {
        String repository = text("/project/profiles/profile[id='image']/properties/image.repository");
        String tag = text("/project/profiles/profile[id='image']/properties/image.tag");
        assertThat(text(JIB + "/configuration/to/image")).isEqualTo("${image.repository}:${image.tag}");

        List<String> deployed = new ArrayList<>();
        for (JsonNode resource : Kustomize.render(Path.of("..", "kubernetes", "base"))) {
            resource.path("spec").path("template").path("spec").path("containers")
                    .forEach(container -> deployed.add(container.path("image").asText()));
        }
        assertThat(deployed).hasSize(3).containsOnly(repository + ":" + tag);
    }

    private static String text(String path) throws Exception {
        return ((String) xpath.evaluate(path, pom, XPathConstants.STRING)).trim();
    }

    private static List<String> texts(String path) throws Exception {
        NodeList nodes = (NodeList) xpath.evaluate(path, pom, XPathConstants.NODESET);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().trim());
        }
        return texts;
    }
}
