package io.resetflow.notifier.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resetflow.avro.NoticeKind;
import io.resetflow.avro.NotificationRequest;
import io.resetflow.avro.RecipientChannel;
import io.resetflow.core.tenant.Tenant;
import io.resetflow.core.tenant.TenantMail;
import io.resetflow.core.tenant.Tenants;
import io.resetflow.core.tenant.TenantsLoader;
import io.resetflow.notifier.Mails;
import io.resetflow.notifier.Requests;
import io.resetflow.notifier.render.NoticeRenderer;
import io.resetflow.notifier.render.NoticeTemplates;
import io.resetflow.notifier.render.TemplateSource;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class NoticeMessageFactoryTest {

    private static final Instant NOW = Instant.parse("2025-06-17T01:00:00Z");
    private final Tenants tenants = TenantsLoader.bundled();
    private final NoticeRenderer renderer = new NoticeRenderer(NoticeTemplates.load(tenants, TemplateSource.bundled()));
    private final NoticeMessageFactory factory = new NoticeMessageFactory(Session.getInstance(new Properties()),
            Clock.fixed(NOW, ZoneOffset.UTC), MessageSigner.NONE);

    private OutgoingMail build(NotificationRequest request) {
        Tenant tenant = tenants.require(request.getTenant());
        return factory.build(request, tenant, renderer.render(request, tenant), Recipient.of(request));
    }

    private static String raw(OutgoingMail mail) {
        return new String(mail.content(), StandardCharsets.US_ASCII);
    }

    @Test
    void encodesTheJapaneseSubjectAsRfc2047Utf8AndTheBodyAsUtf8() throws Exception {
        OutgoingMail mail = build(Requests.builder("ctc", NoticeKind.REMINDER, "mbx-1").build());

        String subjectHeader = Mails.parsed(mail).getHeader("Subject")[0];
        assertThat(subjectHeader).startsWith("=?UTF-8?B?");
        assertThat(MimeUtility.decodeText(MimeUtility.unfold(subjectHeader))).startsWith("【重要・1回目のご案内】Commufa Hikari");
        assertThat(Mails.parsed(mail).getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat((String) Mails.parsed(mail).getContent()).contains("中部テレコミュニケーション");
        assertThat(raw(mail)).doesNotContain("中部");
    }

    @Test
    void setsTheTenantsSenderAndAutomaticMailHeaders() throws Exception {
        OutgoingMail mail = build(Requests.builder("nifty", NoticeKind.FINAL_NOTICE, "mbx-2").build());
        MimeMessage message = Mails.parsed(mail);

        assertThat(message.getFrom()[0].toString()).isEqualTo("security@nifty.com");
        assertThat(message.getReplyTo()[0].toString()).isEqualTo("support@nifty.com");
        assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(message.getSentDate().toInstant()).isEqualTo(NOW);
        assertThat(message.getMessageID()).isEqualTo(mail.messageId()).endsWith("@nifty.com>");
    }

    @Test
    void derivesTheSameMessageIdFromTheSameNotificationId() throws Exception {
        NotificationRequest request = Requests.builder("jcom", NoticeKind.INITIAL_NOTICE, "mbx-3").build();

        String first = Mails.parsed(build(request)).getMessageID();
        String again = Mails.parsed(build(request)).getMessageID();
        String other = Mails.parsed(build(Requests.builder("jcom", NoticeKind.REMINDER, "mbx-3").build())).getMessageID();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void sendsToTheContactAddressWhenOneIsOnFile() throws Exception {
        NotificationRequest request = Requests.builder("biglobe", NoticeKind.INITIAL_NOTICE, "mbx-4")
                .setMailboxAddress("hacked@biglobe.ne.jp").setContactAddress("safe@example-contact.jp").build();

        OutgoingMail mail = build(request);

        assertThat(mail.recipient().getAddress()).isEqualTo("safe@example-contact.jp");
        assertThat(Recipient.of(request).channel()).isEqualTo(RecipientChannel.CONTACT_ADDRESS);
        assertThat(Recipient.of(request).hadContactAddress()).isTrue();
        assertThat(Mails.parsed(mail).getAllRecipients()).extracting(Object::toString).containsExactly("safe@example-contact.jp");
    }

    @Test
    void sendsToTheMailboxWithoutAContactAddress() {
        NotificationRequest request = Requests.builder("biglobe", NoticeKind.INITIAL_NOTICE, "mbx-5")
                .setMailboxAddress("only@biglobe.ne.jp").build();

        assertThat(Recipient.of(request)).isEqualTo(new Recipient("only@biglobe.ne.jp", RecipientChannel.MAILBOX, false));
        assertThat(build(request).recipient().getAddress()).isEqualTo("only@biglobe.ne.jp");
    }

    @Test
    void addsAnHtmlAlternativeWhenTheTemplateHasOne() throws Exception {
        OutgoingMail mail = build(Requests.builder("stnet", NoticeKind.INITIAL_NOTICE, "mbx-6").build());

        MimeMultipart alternative = (MimeMultipart) Mails.parsed(mail).getContent();
        assertThat(Mails.parsed(mail).getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("UTF-8");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat((String) alternative.getBodyPart(0).getContent()).contains("Pikara Hikari");
        assertThat((String) alternative.getBodyPart(1).getContent()).contains("Pikara Hikari").contains("<");
    }

    @Test
    void rejectsALineBreakInTheRecipientAddress() {
        NotificationRequest request = Requests.builder("jcom", NoticeKind.INITIAL_NOTICE, "mbx-7")
                .setContactAddress("victim@example.jp\r\nBcc: attacker@evil.example").build();

        assertThatThrownBy(() -> build(request)).isInstanceOf(HeaderInjectionException.class);
    }

    @Test
    void rejectsALineBreakSmuggledThroughTheBrandIntoTheSubject() {
        NotificationRequest request = Requests.builder("jcom", NoticeKind.INITIAL_NOTICE, "mbx-8")
                .setBrand("J:COM\r\nBcc: attacker@evil.example").build();

        assertThatThrownBy(() -> build(request)).isInstanceOf(HeaderInjectionException.class)
                .hasMessageContaining("Subject");
    }

    @Test
    void rejectsABareLineFeedAndAListOfAddresses() {
        NotificationRequest lineFeed = Requests.builder("jcom", NoticeKind.INITIAL_NOTICE, "mbx-9")
                .setMailboxAddress("victim@example.jp\nX-Injected: yes").build();
        NotificationRequest list = Requests.builder("jcom", NoticeKind.INITIAL_NOTICE, "mbx-9")
                .setMailboxAddress("victim@example.jp, attacker@evil.example").build();

        assertThatThrownBy(() -> build(lineFeed)).isInstanceOf(HeaderInjectionException.class);
        assertThatThrownBy(() -> build(list)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly one");
    }

    @Test
    void rejectsALineBreakInTheTenantsSenderAddress() {
        Tenant tenant = tenants.require("nifty");
        Tenant tampered = new Tenant(tenant.id(), tenant.name(), tenant.nameJa(), tenant.brands(), tenant.domains(),
                tenant.share(), new TenantMail("security@nifty.com\r\nBcc: x@evil.example", "support@nifty.com",
                tenant.mail().supportDesk(), tenant.mail().portalHosts()), tenant.policy());
        NotificationRequest request = Requests.builder("nifty", NoticeKind.INITIAL_NOTICE, "mbx-10").build();

        assertThatThrownBy(() -> factory.build(request, tampered, renderer.render(request, tampered),
                Recipient.of(request))).isInstanceOf(HeaderInjectionException.class);
    }
}
