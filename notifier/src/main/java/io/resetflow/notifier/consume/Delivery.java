package io.resetflow.notifier.consume;

import io.resetflow.avro.NotificationRequest;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.TopicPartition;

/** One request being delivered: where it came from, how many attempts it had, and who holds it. */
public final class Delivery {

    static final int WAITING = 0;
    static final int SENDING = 1;
    static final int ABANDONED = 2;

    private final NotificationRequest request;
    private final TopicPartition source;
    private final long offset;
    private final AtomicInteger state = new AtomicInteger(WAITING);
    private int attempts;
    private Instant firstAttempt;

    Delivery(NotificationRequest request, TopicPartition source, long offset) {
        this.request = request;
        this.source = source;
        this.offset = offset;
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

    int beginAttempt(Instant now) {
        if (firstAttempt == null) {
            firstAttempt = now;
        }
        return ++attempts;
    }

    int attempts() {
        return attempts;
    }

    Instant firstAttempt() {
        return firstAttempt;
    }
}
