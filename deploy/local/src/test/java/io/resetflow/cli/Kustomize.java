package io.resetflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Renders a Kustomize directory with the real {@code kubectl kustomize}, as an operator applies it. */
final class Kustomize {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Kustomize() {
    }

    /** The rendered documents; fails on a non-zero exit or on anything kubectl writes to stderr. */
    static List<JsonNode> render(Path directory) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", directory.toString()).start();
        } catch (IOException e) {
            throw new IllegalStateException("kubectl (with its built-in Kustomize) is needed to render "
                    + directory + ": install it and put it on the PATH", e);
        }
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0 || !err.isBlank()) {
            throw new AssertionError("kubectl kustomize " + directory + " failed: " + err);
        }
        return YAML.readerFor(JsonNode.class).<JsonNode>readValues(out).readAll().stream()
                .filter(node -> node != null && !node.isNull() && !node.isEmpty()).toList();
    }
}
