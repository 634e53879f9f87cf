package io.resetflow.notifier.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.resetflow.avro.NoticeKind;
import io.resetflow.core.tenant.Tenants;
import io.resetflow.core.tenant.TenantsLoader;
import io.resetflow.notifier.Requests;
import org.junit.jupiter.api.Test;

class NoticeRendererTest {

    private final Tenants tenants = TenantsLoader.bundled();
    private final NoticeRenderer renderer = new NoticeRenderer(NoticeTemplates.load(tenants, TemplateSource.bundled()));

    @Test
    void putsJapaneseFirstThenEnglishWithBrandSupportDeskAndNoticeId() {
        RenderedNotice notice = renderer.render(Requests.builder("stnet", NoticeKind.INITIAL_NOTICE, "mbx-1")
                .setBrand("Pikara Mobile").build(), tenants.require("stnet"));

        assertThat(notice.text().indexOf("お客さまへ")).isLessThan(notice.text().indexOf("Dear Pikara Mobile customer"));
        assertThat(notice.text()).contains("Pikara Mobile", "0120-144-883", "mbx-1:initial_notice:0",
                "2025年7月1日 23時59分", "1 July 2025, 23:59 JST", "会員ページ", "as you usually do");
        assertThat(notice.subject()).startsWith("【重要】Pikara Mobile").doesNotContain("\n");
    }

    @Test
    void writesTextValuesUnescapedAndHtmlValuesEscaped() {
        RenderedNotice notice = renderer.render(Requests.builder("nifty", NoticeKind.INITIAL_NOTICE, "mbx-2")
                .setBrand("<b>A&B=1</b>").build(), tenants.require("nifty"));

        assertThat(notice.text()).contains("<b>A&B=1</b>");
        assertThat(notice.html()).get().asString().contains("&lt;b&gt;A&amp;B").doesNotContain("<b>A&B");
    }

    @Test
    void carriesNoLinkInAnyBundledNotice() {
        for (var tenant : tenants.all()) {
            for (NoticeKind kind : NoticeKind.values()) {
                RenderedNotice notice = renderer.render(Requests.builder(tenant.id(), kind, "mbx-3").build(), tenant);
                assertThat(notice.text()).doesNotContainIgnoringCase("http").doesNotContain("www.");
                notice.html().ifPresent(html -> assertThat(html).doesNotContainIgnoringCase("href"));
            }
        }
    }

    @Test
    void usesTheTenantOverrideOverTheDefault() {
        RenderedNotice jcom = renderer.render(Requests.builder("jcom", NoticeKind.REMINDER, "mbx-4").build(),
                tenants.require("jcom"));
        RenderedNotice nifty = renderer.render(Requests.builder("nifty", NoticeKind.REMINDER, "mbx-4").build(),
                tenants.require("nifty"));

        assertThat(jcom.subject()).startsWith("【J:COM・重要】");
        assertThat(nifty.subject()).startsWith("【重要・1回目のご案内】");
    }
}
