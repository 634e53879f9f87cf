package io.resetflow.bench.notifier;

import io.resetflow.avro.NoticeKind;
import io.resetflow.avro.NotificationRequest;
import io.resetflow.core.tenant.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Initial notices spread over the tenants in turn, one per synthetic mailbox. */
final class BenchRequests {

    private final List<Tenant> tenants;

    BenchRequests(List<Tenant> tenants) {
        this.tenants = List.copyOf(tenants);
    }

    NotificationRequest of(String idPrefix, int index, Instant now) {
        Tenant tenant = tenants.get(index % tenants.size());
        return NotificationRequest.newBuilder()
                .setNotificationId(idPrefix + index)
                .setMailboxId("bench-mailbox-" + idPrefix + index)
                .setTenant(tenant.id())
                .setKind(NoticeKind.INITIAL_NOTICE)
                .setSequence(0)
                .setMailboxAddress("user" + index + "@" + tenant.domains().get(0))
                .setDeadline(now.plus(Duration.ofDays(14)))
                .setRequestedAt(now)
                .build();
    }

    Tenant tenantOf(int index) {
        return tenants.get(index % tenants.size());
    }
}
