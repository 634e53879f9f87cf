package io.resetflow.notifier.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import io.resetflow.core.tenant.RemediationPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static QuietHours at(String instant) {
        return new QuietHours(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), TOKYO);
    }

    @Test
    void isQuietAt2300TokyoUntil0800() {
        // 14:00 UTC = 23:00 Tokyo
        assertThat(at("2025-06-17T14:00:00Z").remaining(RemediationPolicy.DEFAULT)).contains(Duration.ofHours(9));
    }

    @Test
    void isQuietJustAfterMidnightTokyo() {
        // 15:30 UTC = 00:30 Tokyo
        assertThat(at("2025-06-17T15:30:00Z").remaining(RemediationPolicy.DEFAULT)).contains(Duration.ofMinutes(450));
    }

    @Test
    void allowsSendingAt0800Tokyo() {
        // 23:00 UTC = 08:00 Tokyo the next day
        assertThat(at("2025-06-17T23:00:00Z").remaining(RemediationPolicy.DEFAULT)).isEmpty();
    }
}
