package io.resetflow.notifier.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant FIRST = Instant.parse("2025-06-17T01:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofHours(1));

    @Test
    void doublesTheBackoffWithJitterBetweenHalfAndAll() {
        assertThat(policy.nextDelay(1, FIRST, FIRST, () -> 0.0)).contains(Duration.ofSeconds(5));
        assertThat(policy.nextDelay(1, FIRST, FIRST, () -> 1.0)).contains(Duration.ofSeconds(10));
        assertThat(policy.nextDelay(3, FIRST, FIRST, () -> 1.0)).contains(Duration.ofSeconds(40));
        assertThat(policy.nextDelay(4, FIRST, FIRST, () -> 1.0)).contains(Duration.ofMinutes(1));
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        assertThat(policy.nextDelay(5, FIRST, FIRST, () -> 0.5)).isEmpty();
    }

    @Test
    void givesUpWhenTheNextAttemptWouldPassTheDeadline() {
        assertThat(policy.nextDelay(2, FIRST, FIRST.plus(Duration.ofMinutes(59).plusSeconds(50)), () -> 1.0)).isEmpty();
    }
}
