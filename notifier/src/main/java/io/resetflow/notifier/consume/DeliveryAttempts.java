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
 * Runs the attempts of deliveries on the sending threads: waits out a paused tenant, quiet hours and
 * the rate limits, renders, sends, classifies the reply and hands every outcome to the consumer
 * thread. A transient failure schedules the next attempt; the last one is final.
 */
public final class DeliveryAttempts {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryAttempts.class);

    /** What the attempts need besides the executor and the outcome sink. */
    public record Collaborators(Tenants tenants, NoticeRenderer renderer, NoticeMessageFactory messages,
                                Function<String, MailTransport> transports, RateLimits rateLimits, SendGate gate,
                                RetryPolicy retry, CampaignTime time, NotifierMetrics metrics) {
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
        Recipient recipient = Recipient.of(request);
        OutgoingMail mail;
        try {
            mail = with.messages().build(request, tenant, with.renderer().render(request, tenant), recipient);
        } catch (IllegalArgumentException refused) {
            LOG.warn("Notification {} (mailbox {}) refused: {}", request.getNotificationId(), request.getMailboxId(),
                    refused.getMessage());
            complete(delivery, Outcomes.refused(request, refused.getMessage(), with.time().now()), true);
            return;
        }
        long started = System.nanoTime();
        SendResult result = with.transports().apply(tenant.id()).send(mail);
        with.metrics().smtpLatency(tenant.id(), Duration.ofNanos(System.nanoTime() - started));
        Instant now = with.time().now();
        switch (ReplyClass.of(result)) {
            case ACCEPTED -> {
                with.rateLimits().accepted(tenant.id());
                complete(delivery, Outcomes.of(request, DeliveryStatus.SENT, recipient, attempt, result, mail.messageId(), now), true);
            }
            case PERMANENT -> complete(delivery,
                    Outcomes.of(request, DeliveryStatus.BOUNCED, recipient, attempt, result, mail.messageId(), now), true);
            case TRANSIENT -> {
                if (ReplyClass.asksToSlowDown(result)) {
                    with.rateLimits().slowDown(tenant.id());
                }
                Optional<Duration> next = with.retry().nextDelay(attempt, delivery.firstAttempt(), with.time().wallNow(),
                        () -> ThreadLocalRandom.current().nextDouble());
                if (next.isEmpty()) {
                    complete(delivery, Outcomes.of(request, DeliveryStatus.FAILED, recipient, attempt, result,
                            mail.messageId(), now), true);
                    return;
                }
                LOG.info("Notification {} (mailbox {}) deferred after attempt {} ({}), next in {}",
                        request.getNotificationId(), request.getMailboxId(), attempt, result.code(), next.get());
                complete(delivery, Outcomes.of(request, DeliveryStatus.DEFERRED, recipient, attempt, result,
                        mail.messageId(), now), false);
                submit(delivery, next.get());
            }
        }
    }

    /** The outcome is queued before the attempt lets go, so a revocation waiting on it also sees it. */
    private void complete(Delivery delivery, DeliveryOutcome outcome, boolean isFinal) {
        completions.accept(new Completion(delivery, outcome, isFinal));
        delivery.doneSending();
    }
}
