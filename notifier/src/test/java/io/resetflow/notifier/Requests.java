package io.resetflow.notifier;

import io.resetflow.avro.NoticeKind;
import io.resetflow.avro.NotificationRequest;
import java.time.Instant;

/** Notification requests as the reset tracker would write them. */
public final class Requests {

    /** 2025-07-01 14:59:00 UTC = 23:59 in Tokyo. */
    public static final Instant DEADLINE = Instant.parse("2025-07-01T14:59:00Z");
    public static final Instant REQUESTED_AT = Instant.parse("2025-06-17T01:00:00Z");

    private Requests() {
    }

    public static NotificationRequest.Builder builder(String tenant, NoticeKind kind, String mailboxId) {
        int sequence = kind == NoticeKind.INITIAL_NOTICE ? 0 : kind == NoticeKind.REMINDER ? 1 : 2;
        return NotificationRequest.newBuilder()
                .setNotificationId(mailboxId + ":" + kind.name().toLowerCase() + ":" + sequence)
                .setMailboxId(mailboxId)
                .setTenant(tenant)
                .setBrand(null)
                .setKind(kind)
                .setSequence(sequence)
                .setMailboxAddress("taro.yamada@example-mailbox.jp")
                .setContactAddress(null)
                .setDeadline(DEADLINE)
                .setRequestedAt(REQUESTED_AT);
    }

    public static NotificationRequest initial(String tenant, String mailboxId, String address) {
        return builder(tenant, NoticeKind.INITIAL_NOTICE, mailboxId).setMailboxAddress(address).build();
    }
}
