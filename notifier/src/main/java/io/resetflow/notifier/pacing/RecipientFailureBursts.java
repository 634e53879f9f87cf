package io.resetflow.notifier.pacing;

import java.time.InstantSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spots a relay that rejects everyone: the same recipient-level failure (e.g. "550 5.1.1") for
 * {@code threshold} recipients of one tenant within {@code window} is no longer believed of the
 * recipients. Counted on the wall clock, per tenant and failure signature.
 */
public final class RecipientFailureBursts {

    private final int threshold;
    private final Duration window;
    private final InstantSource wall;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    public RecipientFailureBursts(int threshold, Duration window, InstantSource wall) {
        if (threshold < 1) {
            throw new IllegalArgumentException("the burst threshold must be at least 1");
        }
        this.threshold = threshold;
        this.window = window;
        this.wall = wall;
    }

    /** Records one failure; true when it makes (or continues) a burst: the relay, not this recipient, is at fault. */
    public boolean isBurst(String tenant, String signature) {
        Instant now = wall.instant();
        Deque<Instant> failures = recent.computeIfAbsent(tenant + "\u0000" + signature, key -> new ArrayDeque<>());
        synchronized (failures) {
            failures.addLast(now);
            Instant oldest = now.minus(window);
            while (!failures.isEmpty() && failures.peekFirst().isBefore(oldest)) {
                failures.removeFirst();
            }
            return failures.size() >= threshold;
        }
    }
}
