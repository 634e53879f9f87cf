package io.resetflow.notifier.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resetflow.avro.NoticeKind;
import io.resetflow.avro.NotificationRequest;
import io.resetflow.core.tenant.Tenant;
import io.resetflow.core.tenant.Tenants;
import io.resetflow.core.tenant.TenantsLoader;
import io.resetflow.notifier.Requests;
import io.resetflow.notifier.ScriptedSmtpServer;
import io.resetflow.notifier.render.NoticeRenderer;
import io.resetflow.notifier.render.NoticeTemplates;
import io.resetflow.notifier.render.TemplateSource;
import io.resetflow.notifier.send.SmtpMailTransport;
import io.resetflow.notifier.send.SmtpSettings;
import jakarta.mail.Session;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DkimMessageSignerTest {

    private static final TestDkimKeys KEYS = new TestDkimKeys();
    private final Tenants tenants = TenantsLoader.bundled();
    private final NoticeRenderer renderer = new NoticeRenderer(NoticeTemplates.load(tenants, TemplateSource.bundled()));

    @TempDir
    Path dir;

    private OutgoingMail signedNotice(String tenantId, DkimMessageSigner signer) {
        NotificationRequest request = Requests.builder(tenantId, NoticeKind.INITIAL_NOTICE, "mbx-dkim").build();
        Tenant tenant = tenants.require(tenantId);
        NoticeMessageFactory factory = new NoticeMessageFactory(Session.getInstance(new Properties()),
                Clock.systemUTC(), signer);
        return factory.build(request, tenant, renderer.render(request, tenant), Recipient.of(request));
    }

    private byte[] signedMail(String tenantId, DkimMessageSigner signer) throws Exception {
        return signedNotice(tenantId, signer).content();
    }

    @Test
    void signsWithTheTenantsSelectorSoThatAVerifierAcceptsIt() throws Exception {
        // Given nifty's key read from a PKCS#8 PEM file, selector rf2025
        Path pem = dir.resolve("nifty.pem");
        Files.writeString(pem, KEYS.pkcs8Pem());
        DkimMessageSigner signer = new DkimMessageSigner(Map.of("nifty", DkimKey.fromPemFile("nifty.com", "rf2025", pem)));

        // When a notice is built and written out
        byte[] mail = signedMail("nifty", signer);

        // Then an independent DKIM verifier finds a valid signature for d=nifty.com s=rf2025
        List<SignatureRecord> records = new DKIMVerifier(KEYS.dns("nifty.com", "rf2025"))
                .verify(new ByteArrayInputStream(mail));
        assertThat(records).hasSize(1);
        assertThat(records.get(0).getDToken()).isEqualTo("nifty.com");
        assertThat(records.get(0).getSelector()).isEqualTo("rf2025");
        assertThat(records.get(0).getHeaders()).extracting(h -> h.toString().toLowerCase())
                .contains("from", "subject", "message-id", "date");
    }

    @Test
    void theMailAsTheRelayReceivesItVerifies() throws Exception {
        // Given a signed jcom notice
        DkimMessageSigner signer = new DkimMessageSigner(Map.of("jcom", new DkimKey("jcom.co.jp", "rf2025", KEYS.privateKey())));
        OutgoingMail mail = signedNotice("jcom", signer);

        // When it is sent over SMTP
        try (ScriptedSmtpServer relay = new ScriptedSmtpServer();
             SmtpMailTransport transport = new SmtpMailTransport(SmtpSettings.plain("127.0.0.1", relay.port(), 1))) {
            assertThat(transport.send(mail).code()).isEqualTo(250);

            // Then the bytes the relay received carry exactly one signature, and it verifies
            byte[] received = relay.messages().get(0).getBytes(StandardCharsets.US_ASCII);
            assertThat(relay.messages().get(0)).startsWith("DKIM-Signature:");
            List<SignatureRecord> records = new DKIMVerifier(KEYS.dns("jcom.co.jp", "rf2025"))
                    .verify(new ByteArrayInputStream(received));
            assertThat(records).singleElement().satisfies(record -> {
                assertThat(record.getDToken()).isEqualTo("jcom.co.jp");
                assertThat(record.getHeaders()).extracting(h -> h.toString().toLowerCase())
                        .contains("from", "to", "reply-to", "subject", "date", "message-id", "content-type");
            });
        }
    }

    @Test
    void aTamperedSignedMailFailsVerification() throws Exception {
        DkimMessageSigner signer = new DkimMessageSigner(Map.of("nifty", new DkimKey("nifty.com", "rf2025", KEYS.privateKey())));
        String mail = new String(signedMail("nifty", signer), StandardCharsets.US_ASCII);
        String tampered = mail.replaceFirst("Reply-To: support@nifty.com", "Reply-To: attacker@evil.example");

        assertThatThrownBy(() -> new DKIMVerifier(KEYS.dns("nifty.com", "rf2025"))
                .verify(new ByteArrayInputStream(tampered.getBytes(StandardCharsets.US_ASCII))))
                .isInstanceOf(PermFailException.class);
    }

    @Test
    void leavesTenantsWithoutAKeyUnsigned() throws Exception {
        DkimMessageSigner signer = new DkimMessageSigner(Map.of("nifty", new DkimKey("nifty.com", "rf2025", KEYS.privateKey())));

        String mail = new String(signedMail("jcom", signer), StandardCharsets.US_ASCII);

        assertThat(mail).doesNotContain("DKIM-Signature");
    }
}
