package io.resetflow.core.time;

import java.time.Duration;
import java.time.Instant;

/**
 * Maps wall-clock time to campaign time: {@code start + (wall - start) * speed}.
 * At speed 1 campaign time is wall time; at 1440 a campaign day passes in a wall-clock minute, so the
 * local stack and demos run weeks of reminders in minutes. The mapping depends only on configuration,
 * so every service, instance and restart agrees on it.
 */
public record CampaignClock(Instant start, double speed) {

    public CampaignClock {
        if (speed < 1) {
            throw new IllegalArgumentException("clock speed must be at least 1: " + speed);
        }
    }

    public static CampaignClock realTime() {
        return new CampaignClock(Instant.EPOCH, 1);
    }

    public Instant toCampaign(long wallClockMs) {
        if (speed == 1) {
            return Instant.ofEpochMilli(wallClockMs);
        }
        long startMs = start.toEpochMilli();
        return Instant.ofEpochMilli(startMs + Math.round((wallClockMs - startMs) * speed));
    }

    /**
     * The first wall-clock millisecond at which the campaign has reached the given time: waking then
     * finds it passed, never a few campaign seconds short of it.
     */
    public Instant toWall(Instant campaign) {
        if (speed == 1) {
            return campaign;
        }
        long startMs = start.toEpochMilli();
        long wallMs = startMs + (long) Math.ceil((campaign.toEpochMilli() - startMs) / speed);
        while (toCampaign(wallMs).isBefore(campaign)) {
            wallMs++;
        }
        return Instant.ofEpochMilli(wallMs);
    }

    /** How long a campaign-time span lasts on the wall clock; never shorter than a millisecond unless zero. */
    public Duration toWall(Duration campaign) {
        if (speed == 1 || campaign.isZero() || campaign.isNegative()) {
            return campaign;
        }
        return Duration.ofMillis(Math.max(1, (long) Math.ceil(campaign.toMillis() / speed)));
    }
}
