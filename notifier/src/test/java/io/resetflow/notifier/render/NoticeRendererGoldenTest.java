package io.resetflow.notifier.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.resetflow.avro.NoticeKind;
import io.resetflow.avro.NotificationRequest;
import io.resetflow.core.tenant.Tenant;
import io.resetflow.core.tenant.Tenants;
import io.resetflow.core.tenant.TenantsLoader;
import io.resetflow.notifier.Requests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bundled tenant x notice kind x language against a reviewed golden file. After a deliberate
 * template change, regenerate with {@code -Dgolden.update=true} and review the diff.
 */
class NoticeRendererGoldenTest {

    private static final Tenants TENANTS = TenantsLoader.bundled();
    private static final NoticeRenderer RENDERER =
            new NoticeRenderer(NoticeTemplates.load(TENANTS, TemplateSource.bundled()));
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Tenant tenant : TENANTS.all()) {
            for (NoticeKind kind : NoticeKind.values()) {
                for (String language : List.of("ja", "en", "subject")) {
                    cases.add(Arguments.of(tenant.id(), kind, language));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void rendersAsTheReviewedGoldenFile(String tenantId, NoticeKind kind, String language) throws IOException {
        // Given a request for the tenant's default brand, deadline 2025-07-01 23:59 Tokyo
        Tenant tenant = TENANTS.require(tenantId);
        NotificationRequest request = Requests.builder(tenantId, kind, "mbx-golden").build();

        // When it is rendered
        String rendered = language.equals("subject") ? RENDERER.render(request, tenant).subject() + "\n"
                : RENDERER.renderLanguage(request, tenant, Locale.forLanguageTag(language));

        // Then it matches the golden file byte for byte
        Path golden = GOLDEN.resolve(tenantId).resolve(NoticeKinds.folder(kind) + "." + language + ".txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, rendered, StandardCharsets.UTF_8);
        }
        assertThat(golden).exists();
        assertThat(rendered).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
