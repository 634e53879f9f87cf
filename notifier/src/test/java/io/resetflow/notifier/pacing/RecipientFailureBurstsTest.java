package io.resetflow.notifier.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The relay-hold detector: the same recipient failure for many recipients within a short window. */
class RecipientFailureBurstsTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-06-17T01:00:00Z"));
    private final RecipientFailureBursts bursts = new RecipientFailureBursts(20, Duration.ofSeconds(60), now::get);

    @Test
    void blamesTheRelayFromTheTwentiethSameFailureWithinAMinute() {
        // Given 19 recipients of nifty rejected with 550 5.1.1, one every 3 s (57 s in all)
        for (int i = 0; i < 19; i++) {
            assertThat(bursts.isBurst("nifty", "550 5.1.1")).as("failure %d", i + 1).isFalse();
            now.set(now.get().plusSeconds(3));
        }

        // When the twentieth comes at 57 s, and a twenty-first right after
        // Then both are the relay's fault
        assertThat(bursts.isBurst("nifty", "550 5.1.1")).isTrue();
        assertThat(bursts.isBurst("nifty", "550 5.1.1")).isTrue();
    }

    @Test
    void forgetsFailuresOlderThanTheWindow() {
        // Given 19 failures at t=0
        for (int i = 0; i < 19; i++) {
            bursts.isBurst("nifty", "550 5.1.1");
        }

        // When the next comes 61 s later, they no longer count
        now.set(now.get().plusSeconds(61));
        assertThat(bursts.isBurst("nifty", "550 5.1.1")).isFalse();
    }

    @Test
    void countsEachTenantAndEachFailureApart() {
        // Given 19 of nifty's 550 5.1.1 within the window
        for (int i = 0; i < 19; i++) {
            bursts.isBurst("nifty", "550 5.1.1");
        }

        // Then jcom's same failure, and nifty's other failure, are each a first
        assertThat(bursts.isBurst("jcom", "550 5.1.1")).isFalse();
        assertThat(bursts.isBurst("nifty", "552 5.2.2")).isFalse();
        // and nifty's twentieth 5.1.1 is still a burst
        assertThat(bursts.isBurst("nifty", "550 5.1.1")).isTrue();
    }
}
