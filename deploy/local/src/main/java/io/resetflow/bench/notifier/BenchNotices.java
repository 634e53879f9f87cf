package io.resetflow.bench.notifier;

import io.resetflow.avro.NotificationRequest;
import io.resetflow.core.identity.AddressNormalizer;
import io.resetflow.core.tenant.Tenant;
import io.resetflow.core.tenant.Tenants;
import io.resetflow.notifier.mail.DkimKey;
import io.resetflow.notifier.mail.DkimMessageSigner;
import io.resetflow.notifier.mail.MessageSigner;
import io.resetflow.notifier.mail.NoticeMessageFactory;
import io.resetflow.notifier.mail.OutgoingMail;
import io.resetflow.notifier.mail.Recipient;
import io.resetflow.notifier.render.NoticeRenderer;
import io.resetflow.notifier.render.NoticeTemplates;
import io.resetflow.notifier.render.TemplateSource;
import jakarta.mail.Session;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The notices the notifier builds for the benchmark requests, built here the same way, outside the notifier. */
final class BenchNotices {

    private final BenchRequests requests;
    private final Clock clock;
    private final NoticeRenderer renderer;
    private final NoticeMessageFactory messages;

    private BenchNotices(Tenants tenants, Clock clock, MessageSigner signer) {
        this.requests = new BenchRequests(List.copyOf(tenants.all()));
        this.clock = clock;
        this.renderer = new NoticeRenderer(NoticeTemplates.load(tenants, TemplateSource.bundled()));
        this.messages = new NoticeMessageFactory(Session.getInstance(new Properties()), clock, signer);
    }

    static BenchNotices unsigned(Tenants tenants, Clock clock) {
        return new BenchNotices(tenants, clock, MessageSigner.NONE);
    }

    /** Signed with the benchmark key under each tenant's own domain, as the notifier's DKIM rows sign. */
    static BenchNotices signed(Tenants tenants, Clock clock, Path dkimKeyFile) {
        return new BenchNotices(tenants, clock, dkimSigner(tenants, dkimKeyFile));
    }

    /** The benchmark key under each tenant's own domain. */
    static MessageSigner dkimSigner(Tenants tenants, Path dkimKeyFile) {
        Map<String, DkimKey> keys = new HashMap<>();
        for (Tenant tenant : tenants.all()) {
            keys.put(tenant.id(), DkimKey.fromPemFile(AddressNormalizer.domainOf(tenant.mail().from()), BenchDkimKey.SELECTOR,
                    dkimKeyFile));
        }
        return new DkimMessageSigner(keys);
    }

    /** The notice of the measured request {@code index}. */
    OutgoingMail notice(int index) {
        NotificationRequest request = requests.of(OutcomeCollector.MEASURED, index, clock.instant());
        Tenant tenant = requests.tenantOf(index);
        return messages.build(request, tenant, renderer.render(request, tenant), Recipient.of(request));
    }
}
