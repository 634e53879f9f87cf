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
import jakarta.mail.Session;
import java.time.Clock;

/** Builds real notices for transport tests. */
public final class Mails {

    public static final Tenants TENANTS = TenantsLoader.bundled();
    private static final NoticeRenderer RENDERER =
            new NoticeRenderer(NoticeTemplates.load(TENANTS, TemplateSource.bundled()));

    private Mails() {
    }

    public static OutgoingMail notice(Session session, NotificationRequest request) {
        Tenant tenant = TENANTS.require(request.getTenant());
        return new NoticeMessageFactory(session, Clock.systemUTC(), MessageSigner.NONE)
                .build(request, tenant, RENDERER.render(request, tenant), Recipient.of(request));
    }
}
