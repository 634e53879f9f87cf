package io.resetflow.notifier.consume;

import io.resetflow.avro.DeliveryOutcome;
import io.resetflow.avro.DeliveryStatus;
import io.resetflow.avro.NotificationRequest;
import io.resetflow.core.tenant.Tenant;
import io.resetflow.core.tenant.Tenants;
import io.resetflow.core.time.CampaignTime;
import io.resetflow.notifier.mail.NoticeMessageFactory;
import io.resetflow.notifier.mail.OutgoingMail;
import io.resetflow.notifier.mail.Recipient;
import io.resetflow.notifier.ops.NotifierMetrics;
import io.resetflow.notifier.pacing.RateLimits;
import io.resetflow.notifier.pacing.RecipientFailureBursts;
import io.resetflow.notifier.pacing.RelayHolds;
import io.resetflow.notifier.pacing.RetryPolicy;
import io.resetflow.notifier.pacing.SendGate;
import io.resetflow.notifier.render.NoticeRenderer;
import io.resetflow.notifier.send.MailTransport;
import io.resetflow.notifier.send.ReplyClass;
import io.resetflow.notifier.send.SendResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the attempts of deliveries on the sending threads: waits out a paused tenant, quiet hours, a
 * held relay and the rate limits, renders, sends, classifies the reply and hands every outcome to the
 * consumer thread. A transient failure schedules the next attempt; the last one is final. A bounced
 * address moves on to the other address on file; a relay failure holds the tenant and bounces nobody.
 */
public final class DeliveryAttempts {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryAttempts.class);

    /** What the attempts need besides the executor and the outcome sink. */
    public record Collaborators(Tenants tenants, NoticeRenderer renderer, NoticeMessageFactory messages,
                                Function<String, MailTransport> transports, RateLimits rateLimits, SendGate gate,
                                RelayHolds relays, RecipientFailureBursts bursts, RetryPolicy retry, CampaignTime time,
                                NotifierMetrics metrics) {
    }

    private final Collaborators with;
    private final ScheduledExecutorService executor;
    private final Consumer<Completion> completions;

    DeliveryAttempts(Collaborators with, ScheduledExecutorService executor, Consumer<Completion> completions) {
        this.with = with;
        this.executor = executor;
        this.completions = completions;
    }

    void submit(Delivery delivery, Duration delay) {
        executor.schedule(() -> attempt(delivery), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void attempt(Delivery delivery) {
        if (!delivery.startSending()) {
            return;
        }
        NotificationRequest request = delivery.request();
        try {
            Tenant tenant = with.tenants().require(request.getTenant());
            Optional<SendGate.Wait> wait = with.gate().check(tenant);
            if (wait.isPresent()) {
                delivery.doneSending();
                submit(delivery, wait.get().wallDelay());
                return;
            }
            send(delivery, tenant);
        } catch (RuntimeException e) {
            LOG.error("Notification {} (mailbox {}) failed unexpectedly", request.getNotificationId(),
                    request.getMailboxId(), e);
            complete(delivery, Outcomes.refused(request, "internal error " + e.getClass().getSimpleName(),
                    with.time().now()), true);
        }
    }

    private void send(Delivery delivery, Tenant tenant) {
        NotificationRequest request = delivery.request();
        int attempt = delivery.beginAttempt(with.time().wallNow());
        Recipient recipient = delivery.recipient();
        OutgoingMail mail;
        try {
            mail = with.messages().build(request, tenant, with.renderer().render(request, tenant), recipient);
        } catch (IllegalArgumentException refused) {
            LOG.warn("Notification {} (mailbox {}) refused: {}", request.getNotificationId(), request.getMailboxId(),
                    refused.getMessage());
            complete(delivery, Outcomes.refused(request, refused.getMessage(), with.time().now()), true);
            return;
        }
        boolean wasHeld = with.relays().isHeld(tenant.id());
        long started = System.nanoTime();
        SendResult result = with.transports().apply(tenant.id()).send(mail, () -> with.gate().mayStillSend(tenant));
        if (result.withdrawn()) {
            // Its window closed while it waited for a connection: back to the gate, as if never tried.
            delivery.undoAttempt();
            with.relays().probeNotSent(tenant.id());
            delivery.doneSending();
            submit(delivery, Duration.ZERO);
            return;
        }
        with.metrics().smtpLatency(tenant.id(), Duration.ofNanos(System.nanoTime() - started));
        Attempted attempted = new Attempted(delivery, tenant, recipient, attempt, result, mail.messageId());
        ReplyClass reply = ReplyClass.of(result);
        if (reply != ReplyClass.ACCEPTED && wasHeld) {
            // Only a mail the relay takes ends a hold: a held relay's other answers are not believed.
            relayFailed(attempted, reply == ReplyClass.RELAY_UNREACHABLE ? RelayHolds.Reason.UNREACHABLE
                    : RelayHolds.Reason.REJECTING);
            return;
        }
        switch (reply) {
            case ACCEPTED -> {
                with.relays().accepted(tenant.id());
                with.rateLimits().accepted(tenant.id());
                complete(delivery, attempted.outcome(DeliveryStatus.SENT, with.time().now()), true);
            }
            case RECIPIENT_REJECTED -> {
                if (with.bursts().isBurst(tenant.id(), ReplyClass.signature(result))) {
                    relayFailed(attempted, RelayHolds.Reason.REJECTING);
                } else {
                    bounced(attempted);
                }
            }
            case RELAY_REJECTED -> relayFailed(attempted, RelayHolds.Reason.REJECTING);
            case RELAY_UNREACHABLE -> relayFailed(attempted, RelayHolds.Reason.UNREACHABLE);
            case TRANSIENT -> transientFailure(attempted);
        }
    }

    /** One attempt and what the relay answered. */
    private record Attempted(Delivery delivery, Tenant tenant, Recipient recipient, int attempt, SendResult result,
                             String messageId) {

        DeliveryOutcome outcome(DeliveryStatus status, Instant at) {
            return Outcomes.of(delivery.request(), status, recipient, attempt, result, messageId, at);
        }
    }

    /** The address bounced: the next address on file is tried at once; when none is left, the request bounced. */
    private void bounced(Attempted attempted) {
        Delivery delivery = attempted.delivery();
        Instant now = with.time().now();
        if (!delivery.nextRecipient()) {
            complete(delivery, attempted.outcome(DeliveryStatus.BOUNCED, now), true);
            return;
        }
        LOG.info("Notification {} (mailbox {}): {} bounced ({}), trying the other address on file",
                delivery.request().getNotificationId(), delivery.request().getMailboxId(), attempted.recipient().channel(),
                attempted.result().code());
        complete(delivery, attempted.outcome(DeliveryStatus.DEFERRED, now), false);
        submit(delivery, Duration.ZERO);
    }

    /**
     * The relay failed, not the mail: the tenant is held and the mail waits for the hold to end, without
     * spending its retry budget. Only the retry deadline still applies: past it, the request FAILED.
     */
    private void relayFailed(Attempted attempted, RelayHolds.Reason reason) {
        Delivery delivery = attempted.delivery();
        String tenant = attempted.tenant().id();
        delivery.relayFailed();
        with.relays().failed(tenant, reason);
        Instant now = with.time().now();
        Instant wallNow = with.time().wallNow();
        if (wallNow.isAfter(delivery.firstAttempt().plus(with.retry().deadline()))) {
            complete(delivery, attempted.outcome(DeliveryStatus.FAILED, now), true);
            return;
        }
        LOG.info("Notification {} (mailbox {}) waits for the relay of {} ({}, {})",
                delivery.request().getNotificationId(), delivery.request().getMailboxId(), tenant, reason,
                attempted.result().code());
        complete(delivery, attempted.outcome(DeliveryStatus.DEFERRED, now), false);
        submit(delivery, Duration.ZERO);
    }

    private void transientFailure(Attempted attempted) {
        Delivery delivery = attempted.delivery();
        SendResult result = attempted.result();
        String tenant = attempted.tenant().id();
        if (ReplyClass.asksToSlowDown(result)) {
            with.rateLimits().slowDown(tenant);
        }
        Instant now = with.time().now();
        Optional<Duration> next = with.retry().nextDelay(delivery.retryAttempts(), delivery.firstAttempt(),
                with.time().wallNow(), () -> ThreadLocalRandom.current().nextDouble());
        if (next.isEmpty()) {
            complete(delivery, attempted.outcome(DeliveryStatus.FAILED, now), true);
            return;
        }
        LOG.info("Notification {} (mailbox {}) deferred after attempt {} ({}), next in {}",
                delivery.request().getNotificationId(), delivery.request().getMailboxId(), attempted.attempt(),
                result.code(), next.get());
        complete(delivery, attempted.outcome(DeliveryStatus.DEFERRED, now), false);
        submit(delivery, next.get());
    }

    /** The outcome is queued before the attempt lets go, so a revocation waiting on it also sees it. */
    private void complete(Delivery delivery, DeliveryOutcome outcome, boolean isFinal) {
        completions.accept(new Completion(delivery, outcome, isFinal));
        delivery.doneSending();
    }
}
