package io.resetflow.notifier.render;

import io.resetflow.avro.NoticeKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a template file. The most specific wins: the operator's tenant file, the operator's default,
 * the bundled tenant file, the bundled default ({@code <kind>/<part>} and
 * {@code tenants/<tenant>/<kind>/<part>} under each root).
 */
public final class TemplateSource {

    static final String CLASSPATH_ROOT = "io/resetflow/notifier/templates/";

    private final Optional<Path> operatorDir;

    public TemplateSource(Optional<Path> operatorDir) {
        operatorDir.ifPresent(dir -> {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("template directory " + dir + " does not exist");
            }
        });
        this.operatorDir = operatorDir;
    }

    public static TemplateSource bundled() {
        return new TemplateSource(Optional.empty());
    }

    public Optional<TemplateText> find(String tenant, NoticeKind kind, TemplatePart part) {
        for (String relative : candidates(tenant, kind, part)) {
            if (operatorDir.isPresent()) {
                Path file = operatorDir.get().resolve(relative);
                if (Files.isRegularFile(file)) {
                    return Optional.of(new TemplateText(file.toString(), read(file)));
                }
            }
        }
        for (String relative : candidates(tenant, kind, part)) {
            Optional<String> text = readClasspath(CLASSPATH_ROOT + relative);
            if (text.isPresent()) {
                return Optional.of(new TemplateText("classpath:" + CLASSPATH_ROOT + relative, text.get()));
            }
        }
        return Optional.empty();
    }

    private static List<String> candidates(String tenant, NoticeKind kind, TemplatePart part) {
        String folder = NoticeKinds.folder(kind);
        List<String> paths = new ArrayList<>();
        paths.add("tenants/" + tenant + "/" + folder + "/" + part.fileName());
        paths.add(folder + "/" + part.fileName());
        return paths;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + file, e);
        }
    }

    private static Optional<String> readClasspath(String resource) {
        try (InputStream in = TemplateSource.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + resource, e);
        }
    }
}
