package io.resetflow.notifier;

import io.resetflow.avro.NotificationRequest;
import io.resetflow.core.tenant.Tenant;
import io.resetflow.core.tenant.Tenants;
import io.resetflow.core.tenant.TenantsLoader;
import io.resetflow.notifier.mail.MessageSigner;
import io.resetflow.notifier.mail.NoticeMessageFactory;
import io.resetflow.notifier.mail.OutgoingMail;
import io.resetflow.notifier.mail.Recipient;
import io.resetflow.notifier.render.NoticeRenderer;
import io.resetflow.notifier.render.NoticeTemplates;
import io.resetflow.notifier.render.TemplateSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.Properties;

/** Builds real notices for transport tests. */
public final class Mails {

    public static final Tenants TENANTS = TenantsLoader.bundled();
    private static final NoticeRenderer RENDERER =
            new NoticeRenderer(NoticeTemplates.load(TENANTS, TemplateSource.bundled()));

    private Mails() {
    }

    public static OutgoingMail notice(NotificationRequest request) {
        Tenant tenant = TENANTS.require(request.getTenant());
        return new NoticeMessageFactory(Session.getInstance(new Properties()), Clock.systemUTC(), MessageSigner.NONE)
                .build(request, tenant, RENDERER.render(request, tenant), Recipient.of(request));
    }

    /** The mail as a receiver reads it, parsed from the bytes that are sent. */
    public static MimeMessage parsed(OutgoingMail mail) {
        try {
            return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mail.content()));
        } catch (MessagingException e) {
            throw new IllegalStateException("a built notice does not parse", e);
        }
    }
}
