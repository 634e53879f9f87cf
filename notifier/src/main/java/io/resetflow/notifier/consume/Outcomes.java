package io.resetflow.notifier.consume;

import io.resetflow.avro.DeliveryOutcome;
import io.resetflow.avro.DeliveryStatus;
import io.resetflow.avro.NotificationRequest;
import io.resetflow.notifier.mail.Recipient;
import io.resetflow.notifier.send.AddressScrubber;
import io.resetflow.notifier.send.SendResult;
import java.time.Instant;

/** Builds the DeliveryOutcome records of a request; reply texts lose the addresses relays echo in them. */
final class Outcomes {

    private Outcomes() {
    }

    static DeliveryOutcome of(NotificationRequest request, DeliveryStatus status, Recipient recipient, int attempt,
                              SendResult result, String messageId, Instant at) {
        return DeliveryOutcome.newBuilder()
                .setNotificationId(request.getNotificationId())
                .setMailboxId(request.getMailboxId())
                .setTenant(request.getTenant())
                .setKind(request.getKind())
                .setStatus(status)
                .setChannel(recipient.channel())
                .setHadContactAddress(recipient.hadContactAddress())
                .setAttempt(Math.max(1, attempt))
                .setSmtpCode(result.code())
                .setSmtpReply(AddressScrubber.scrub(result.reply()))
                .setMessageId(messageId)
                .setOccurredAt(at)
                .build();
    }

    /** A request refused before any SMTP exchange (unknown tenant, header injection, bad address). */
    static DeliveryOutcome refused(NotificationRequest request, String reason, Instant at) {
        return of(request, DeliveryStatus.FAILED, Recipient.channelOf(request), 1,
                SendResult.noReply("refused: " + reason), "", at);
    }
}
