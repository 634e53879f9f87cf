package io.resetflow.notifier.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resetflow.avro.NoticeKind;
import io.resetflow.core.tenant.Tenants;
import io.resetflow.core.tenant.TenantsLoader;
import io.resetflow.notifier.Requests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoticeTemplatesTest {

    private final Tenants tenants = TenantsLoader.bundled();

    @TempDir
    Path operatorDir;

    @Test
    void refusesToStartWithALinkOutsideThePortalHosts() throws IOException {
        // Given an operator template for every tenant's initial notice that links elsewhere
        write("initial-notice/ja.txt.mustache", "ここからログイン https://login.evil.example/reset\n");

        // Then loading fails and names the host
        assertThatThrownBy(() -> NoticeTemplates.load(tenants, new TemplateSource(Optional.of(operatorDir))))
                .isInstanceOf(TemplateValidationException.class)
                .hasMessageContaining("login.evil.example");
    }

    @Test
    void refusesALinkWhoseTargetIsATemplateValue() throws IOException {
        write("tenants/nifty/reminder/html.mustache", "<a href=\"{{portal}}\">sign in</a>");

        assertThatThrownBy(() -> NoticeTemplates.load(tenants, new TemplateSource(Optional.of(operatorDir))))
                .isInstanceOf(TemplateValidationException.class)
                .hasMessageContaining("template value");
    }

    @Test
    void acceptsTheTenantsOwnPortalHost() throws IOException {
        write("tenants/nifty/initial-notice/en.txt.mustache", "Member page: https://www.nifty.com/\n");

        NoticeTemplates templates = NoticeTemplates.load(tenants, new TemplateSource(Optional.of(operatorDir)));

        assertThat(new NoticeRenderer(templates).render(Requests.builder("nifty", NoticeKind.INITIAL_NOTICE, "m")
                .build(), tenants.require("nifty")).text()).contains("https://www.nifty.com/");
    }

    @Test
    void refusesAnotherTenantsPortalHost() throws IOException {
        write("tenants/biglobe/initial-notice/en.txt.mustache", "Member page: https://www.nifty.com/\n");

        assertThatThrownBy(() -> NoticeTemplates.load(tenants, new TemplateSource(Optional.of(operatorDir))))
                .isInstanceOf(TemplateValidationException.class)
                .hasMessageContaining("biglobe");
    }

    @Test
    void operatorFilesOverrideBundledOnes() throws IOException {
        write("final-notice/subject.mustache", "運用者の件名 {{brand}}\n");

        NoticeTemplates templates = NoticeTemplates.load(tenants, new TemplateSource(Optional.of(operatorDir)));

        assertThat(new NoticeRenderer(templates).render(Requests.builder("ctc", NoticeKind.FINAL_NOTICE, "m")
                .build(), tenants.require("ctc")).subject()).isEqualTo("運用者の件名 Commufa Hikari");
    }

    @Test
    void refusesATemplateThatDoesNotCompile() throws IOException {
        write("reminder/en.txt.mustache", "{{#open}} never closed\n");

        assertThatThrownBy(() -> NoticeTemplates.load(tenants, new TemplateSource(Optional.of(operatorDir))))
                .isInstanceOf(TemplateValidationException.class);
    }

    private void write(String relative, String text) throws IOException {
        Path file = operatorDir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
