package io.resetflow.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CampaignTimeTest {

    private static final Instant START = Instant.parse("2025-06-02T01:00:00Z");

    @ParameterizedTest(name = "speed {0}")
    @ValueSource(doubles = {1, 1_440, 8_640})
    void aCampaignDayLastsADayDividedByTheSpeedOnTheWallClock(double speed) {
        CampaignClock clock = new CampaignClock(START, speed);
        Instant wallAfterADay = START.plus(clock.toWall(Duration.ofDays(1)));

        assertThat(clock.toWall(Duration.ofDays(1))).isEqualTo(Duration.ofMillis((long) Math.ceil(86_400_000 / speed)));
        assertThat(clock.toCampaign(wallAfterADay.toEpochMilli())).isEqualTo(START.plus(Duration.ofDays(1)));
        assertThat(clock.toWall(START.plus(Duration.ofDays(1)))).isEqualTo(wallAfterADay);
    }

    @Test
    void waitsUntilACampaignInstantOnTheWallClock() {
        Clock wall = Clock.fixed(START.plusSeconds(60), ZoneOffset.UTC);
        CampaignTime time = new CampaignTime(new CampaignClock(START, 1_440), wall);

        assertThat(time.now()).isEqualTo(START.plus(Duration.ofDays(1)));
        assertThat(time.wallDelayUntil(START.plus(Duration.ofDays(2)))).isEqualTo(Duration.ofSeconds(60));
        assertThat(time.wallDelayUntil(START)).isZero();
        assertThat(time.asClock().instant()).isEqualTo(time.now());
    }
}
