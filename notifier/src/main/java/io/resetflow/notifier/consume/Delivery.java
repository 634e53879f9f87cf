package io.resetflow.notifier.consume;

import io.resetflow.avro.NotificationRequest;
import io.resetflow.notifier.mail.Recipient;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;

/**
 * One request being delivered: where it came from, which of its addresses is being tried, how many
 * attempts it had, and who holds it.
 */
public final class Delivery {

    static final int WAITING = 0;
    static final int SENDING = 1;
    static final int ABANDONED = 2;

    private final NotificationRequest request;
    private final TopicPartition source;
    private final long offset;
    private final String tenant;
    private final List<Recipient> recipients;
    private final AtomicInteger state = new AtomicInteger(WAITING);
    private int recipientIndex;
    private int attempts;
    private int relayFailures;
    private Instant firstAttempt;

    /** {@code tenant} is the tenant whose request topic the request came from: its window holds it. */
    Delivery(NotificationRequest request, TopicPartition source, long offset, String tenant) {
        this.request = request;
        this.source = source;
        this.offset = offset;
        this.tenant = tenant;
        this.recipients = Recipient.candidates(request);
    }

    public NotificationRequest request() {
        return request;
    }

    TopicPartition source() {
        return source;
    }

    long offset() {
        return offset;
    }

    String tenant() {
        return tenant;
    }

    /** The address being tried now. */
    Recipient recipient() {
        return recipients.get(recipientIndex);
    }

    /** Moves to the next address on file after the current one bounced; false when there is none. */
    boolean nextRecipient() {
        if (recipientIndex + 1 >= recipients.size()) {
            return false;
        }
        recipientIndex++;
        return true;
    }

    /** Claims the delivery for one attempt; false once it was abandoned (partition revoked, shutdown). */
    boolean startSending() {
        return state.compareAndSet(WAITING, SENDING);
    }

    void doneSending() {
        state.compareAndSet(SENDING, WAITING);
    }

    /** Stops a waiting delivery from being sent here; false while an attempt is under way. */
    boolean abandon() {
        return state.compareAndSet(WAITING, ABANDONED) || state.get() == ABANDONED;
    }

    boolean isSending() {
        return state.get() == SENDING;
    }

    /** Takes back an attempt that never reached the relay. */
    void undoAttempt() {
        attempts--;
        if (attempts == 0) {
            firstAttempt = null;
        }
    }

    int beginAttempt(Instant now) {
        if (firstAttempt == null) {
            firstAttempt = now;
        }
        return ++attempts;
    }

    int attempts() {
        return attempts;
    }

    /** An attempt the relay, not the mail, failed: it does not count against the retry budget. */
    void relayFailed() {
        relayFailures++;
    }

    /** Attempts that count against the retry budget. */
    int retryAttempts() {
        return attempts - relayFailures;
    }

    Instant firstAttempt() {
        return firstAttempt;
    }
}
