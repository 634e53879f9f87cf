package io.resetflow.core.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Kubernetes resources as one multi-document YAML file, in a stable order, so a regeneration diffs cleanly. */
public final class ManifestYaml {

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private ManifestYaml() {
    }

    /** The documents after a comment header (each line prefixed with "# "). */
    public static String write(List<String> header, List<Map<String, Object>> documents) {
        StringBuilder yaml = new StringBuilder();
        header.forEach(line -> yaml.append("# ").append(line).append('\n'));
        try {
            for (Map<String, Object> document : documents) {
                yaml.append(YAML.writeValueAsString(document));
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write a manifest", e);
        }
        return yaml.toString();
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> read(String yaml) {
        try {
            return YAML.readerFor(Map.class).<Map<String, Object>>readValues(yaml).readAll().stream()
                    .filter(document -> document != null && !document.isEmpty()).toList();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException("cannot read a manifest", e);
        }
    }
}
