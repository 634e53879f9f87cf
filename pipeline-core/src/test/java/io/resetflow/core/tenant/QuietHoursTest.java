package io.resetflow.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final QuietHours TOKYO = QuietHours.TOKYO_NIGHT;

    @Test
    void nightInTokyoEndsAtEightTheNextMorning() {
        // 14:00 UTC = 23:00 Tokyo
        assertThat(TOKYO.endAfter(Instant.parse("2025-06-17T14:00:00Z"))).contains(Instant.parse("2025-06-17T23:00:00Z"));
        // 15:30 UTC = 00:30 Tokyo, the same night
        assertThat(TOKYO.endAfter(Instant.parse("2025-06-17T15:30:00Z"))).contains(Instant.parse("2025-06-17T23:00:00Z"));
    }

    @Test
    void startsAtNineAndEndsAtEightExactly() {
        assertThat(TOKYO.isQuiet(Instant.parse("2025-06-17T11:59:59Z"))).isFalse(); // 20:59:59
        assertThat(TOKYO.isQuiet(Instant.parse("2025-06-17T12:00:00Z"))).isTrue(); // 21:00
        assertThat(TOKYO.isQuiet(Instant.parse("2025-06-17T22:59:59Z"))).isTrue(); // 07:59:59
        assertThat(TOKYO.isQuiet(Instant.parse("2025-06-17T23:00:00Z"))).isFalse(); // 08:00
    }

    @Test
    void aDaytimeRangeThatDoesNotWrapPastMidnight() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0), QuietHours.TOKYO);

        assertThat(lunch.isQuiet(Instant.parse("2025-06-17T03:30:00Z"))).isTrue(); // 12:30
        assertThat(lunch.isQuiet(Instant.parse("2025-06-17T14:00:00Z"))).isFalse(); // 23:00
        assertThat(lunch.openingAfter(LocalDate.of(2025, 6, 17))).isEqualTo(Instant.parse("2025-06-17T15:00:00Z"));
    }

    @Test
    void equalEndsMeanNoQuietHours() {
        QuietHours none = QuietHours.parse("00:00-00:00", QuietHours.TOKYO);

        assertThat(none.isNone()).isTrue();
        assertThat(none.endAfter(Instant.parse("2025-06-17T14:00:00Z"))).isEmpty();
    }

    @Test
    void theZoneDecidesTheLocalHourAndDay() {
        QuietHours honolulu = QuietHours.parse("22:00-07:00", ZoneId.of("Pacific/Honolulu"));
        Instant ninePmTokyo = Instant.parse("2025-06-17T12:00:00Z"); // 02:00 in Honolulu

        assertThat(TOKYO.isQuiet(ninePmTokyo)).isTrue();
        assertThat(honolulu.endAfter(ninePmTokyo)).contains(Instant.parse("2025-06-17T17:00:00Z"));
        assertThat(honolulu.dayOf(ninePmTokyo)).isEqualTo(LocalDate.of(2025, 6, 17));
        assertThat(TOKYO.dayOf(Instant.parse("2025-06-17T15:00:00Z"))).isEqualTo(LocalDate.of(2025, 6, 18));
        assertThat(honolulu.openingAfter(LocalDate.of(2025, 6, 17))).isEqualTo(Instant.parse("2025-06-18T17:00:00Z"));
    }

    @Test
    void rejectsARangeWithoutTwoEnds() {
        assertThatThrownBy(() -> QuietHours.parse("21:00", QuietHours.TOKYO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("21:00-08:00");
    }
}
