package io.resetflow.notifier.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import io.resetflow.core.tenant.QuietHours;
import io.resetflow.core.tenant.RemediationPolicy;
import io.resetflow.core.tenant.Tenant;
import io.resetflow.core.tenant.TenantMail;
import io.resetflow.core.time.CampaignClock;
import io.resetflow.core.time.CampaignTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SendGateTest {

    /** Monday 2 June 2025, 10:00 in Tokyo: campaign and wall clock start here together. */
    private static final Instant START = Instant.parse("2025-06-02T01:00:00Z");
    private static final Instant NINE_PM_TOKYO = Instant.parse("2025-06-02T12:00:00Z");
    private static final Instant EIGHT_AM_TOKYO = Instant.parse("2025-06-02T23:00:00Z");

    /** A wall clock that moves only when the test moves it. */
    private static final class WallClock extends Clock {
        Instant now = START;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final WallClock wall = new WallClock();
    private final TenantSwitches switches = new TenantSwitches(List.of());

    @ParameterizedTest(name = "speed {0}")
    @ValueSource(doubles = {1, 1_440, 8_640})
    void quietHoursHoldMailForTheirCampaignLengthConvertedToWallTime(double speed) {
        CampaignClock mapping = new CampaignClock(START, speed);
        SendGate gate = gate(new CampaignTime(mapping, wall), Duration.ofDays(1));
        Tenant tokyo = tenant(QuietHours.TOKYO_NIGHT);

        wall.now = mapping.toWall(NINE_PM_TOKYO.minusSeconds(60));
        Optional<SendGate.Wait> beforeNine = gate.check(tokyo);
        wall.now = mapping.toWall(NINE_PM_TOKYO);
        SendGate.Wait atNine = gate.check(tokyo).orElseThrow();
        wall.now = wall.now.plus(atNine.wallDelay());
        Optional<SendGate.Wait> afterTheWait = gate.check(tokyo);

        assertThat(beforeNine).isEmpty();
        assertThat(atNine.cause()).isEqualTo(SendGate.Hold.QUIET_HOURS);
        // Eleven campaign hours of quiet last exactly from the wall instant of 21:00 to that of 08:00
        assertThat(atNine.wallDelay()).isEqualTo(Duration.between(mapping.toWall(NINE_PM_TOKYO),
                mapping.toWall(EIGHT_AM_TOKYO)));
        assertThat(atNine.wallDelay().toMillis()).isEqualTo((long) Math.ceil(Duration.ofHours(22).toMillis() / speed)
                - (long) Math.ceil(Duration.ofHours(11).toMillis() / speed));
        assertThat(afterTheWait).isEmpty();
        // and the wait ends on the first wall-clock millisecond at which the campaign has reached 08:00
        assertThat(mapping.toCampaign(wall.now.toEpochMilli())).isAfterOrEqualTo(EIGHT_AM_TOKYO);
        assertThat(mapping.toCampaign(wall.now.toEpochMilli() - 1)).isBefore(EIGHT_AM_TOKYO);
    }

    @Test
    void quietHoursAreTheTenantsOwnInItsZone() {
        SendGate gate = gate(new CampaignTime(CampaignClock.realTime(), wall), Duration.ofDays(1));
        Tenant honolulu = tenant(new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), ZoneId.of("Pacific/Honolulu")));

        wall.now = NINE_PM_TOKYO; // 02:00 in Honolulu
        SendGate.Wait night = gate.check(honolulu).orElseThrow();
        wall.now = Instant.parse("2025-06-02T17:00:00Z"); // 07:00 in Honolulu, 02:00 in Tokyo

        assertThat(night.wallDelay()).isEqualTo(Duration.ofHours(5));
        assertThat(gate.check(honolulu)).isEmpty();
    }

    @Test
    void pausedTenantIsRecheckedOnTheWallClock() {
        SendGate gate = gate(new CampaignTime(new CampaignClock(START, 8_640), wall), Duration.ofMillis(250));
        switches.pause("t");

        SendGate.Wait paused = gate.check(tenant(QuietHours.TOKYO_NIGHT)).orElseThrow();

        assertThat(paused).isEqualTo(new SendGate.Wait(SendGate.Hold.PAUSED, Duration.ofMillis(250)));
    }

    @Test
    void aLongQuietWaitIsCutToTheRecheckAndConvertedAgainAfterIt() {
        SendGate gate = gate(new CampaignTime(CampaignClock.realTime(), wall), Duration.ofSeconds(60));
        Tenant tokyo = tenant(QuietHours.TOKYO_NIGHT);

        wall.now = NINE_PM_TOKYO;
        SendGate.Wait first = gate.check(tokyo).orElseThrow();
        wall.now = EIGHT_AM_TOKYO.minusSeconds(10);
        SendGate.Wait last = gate.check(tokyo).orElseThrow();

        assertThat(first).isEqualTo(new SendGate.Wait(SendGate.Hold.QUIET_HOURS, Duration.ofSeconds(60)));
        assertThat(last).isEqualTo(new SendGate.Wait(SendGate.Hold.QUIET_HOURS, Duration.ofSeconds(10)));
    }

    private SendGate gate(CampaignTime time, Duration recheck) {
        return new SendGate(switches, time, new RateLimits(List.of(tenant(QuietHours.TOKYO_NIGHT)), 1_000,
                TimeMeter.SYSTEM_NANOTIME), recheck);
    }

    private static Tenant tenant(QuietHours quiet) {
        RemediationPolicy policy = new RemediationPolicy(List.of(Duration.ofDays(3)), Duration.ofDays(14), quiet,
                1_000_000, 1_000);
        return new Tenant("t", "t", "t", List.of(), List.of(), 0, new TenantMail("a@b.jp", "a@b.jp", "0120", List.of()),
                policy);
    }
}
