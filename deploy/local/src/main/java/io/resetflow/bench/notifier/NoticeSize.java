package io.resetflow.bench.notifier;

import io.resetflow.avro.NotificationRequest;
import io.resetflow.core.tenant.Tenant;
import io.resetflow.core.tenant.Tenants;
import io.resetflow.notifier.mail.DkimKey;
import io.resetflow.notifier.mail.DkimMessageSigner;
import io.resetflow.notifier.mail.NoticeMessageFactory;
import io.resetflow.notifier.mail.Recipient;
import io.resetflow.notifier.render.NoticeRenderer;
import io.resetflow.notifier.render.NoticeTemplates;
import io.resetflow.notifier.render.TemplateSource;
import jakarta.mail.Session;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Bytes on the wire of the notice the notifier builds for a benchmark request, unsigned and DKIM-signed. */
final class NoticeSize {

    private NoticeSize() {
    }

    static int of(Tenants tenants, Clock clock, Path dkimKeyFile, boolean signed) {
        BenchRequests requests = new BenchRequests(List.copyOf(tenants.all()));
        Tenant tenant = requests.tenantOf(0);
        NotificationRequest request = requests.of(OutcomeCollector.WARM_UP, 0, clock.instant());
        Map<String, DkimKey> keys = signed
                ? Map.of(tenant.id(), DkimKey.fromPemFile(tenant.domains().get(0), BenchDkimKey.SELECTOR, dkimKeyFile))
                : Map.of();
        NoticeMessageFactory messages = new NoticeMessageFactory(Session.getInstance(new Properties()), clock,
                new DkimMessageSigner(keys));
        NoticeRenderer renderer = new NoticeRenderer(NoticeTemplates.load(tenants, TemplateSource.bundled()));
        return BareAngusLoop.wireSize(messages.build(request, tenant, renderer.render(request, tenant),
                Recipient.of(request)).message());
    }
}
