package io.resetflow.notifier.pacing;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter for transient failures: attempt n waits between half and all of
 * initial x 2^(n-1), capped; after maxAttempts attempts, or once the deadline since the first attempt
 * would be passed, the request has FAILED. Back-off and deadline run on the wall clock, not the campaign's:
 * they measure how long a relay takes to recover, which an accelerated campaign does not speed up.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration deadline) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The wait before the next attempt after {@code attempt} failed attempts; empty when it is over. */
    public Optional<Duration> nextDelay(int attempt, Instant firstAttempt, Instant now, DoubleSupplier random) {
        if (attempt >= maxAttempts) {
            return Optional.empty();
        }
        double exponential = initialBackoff.toMillis() * Math.pow(2, attempt - 1);
        double capped = Math.min(exponential, maxBackoff.toMillis());
        Duration delay = Duration.ofMillis(Math.round(capped / 2 + random.getAsDouble() * capped / 2));
        if (now.plus(delay).isAfter(firstAttempt.plus(deadline))) {
            return Optional.empty();
        }
        return Optional.of(delay);
    }
}
