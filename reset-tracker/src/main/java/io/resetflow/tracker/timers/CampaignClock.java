package io.resetflow.tracker.timers;

import java.time.Instant;

/**
 * Maps Kafka Streams wall-clock time to campaign time: {@code start + (wall - start) * speed}.
 * At speed 1 campaign time is wall time; at 1440 a campaign day passes in a wall-clock minute, so the
 * local stack and demos run weeks of reminders in minutes. The mapping depends only on configuration,
 * so every instance and every restart agrees on it.
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

    /** The wall-clock instant at which the campaign reaches the given time. */
    public Instant toWall(Instant campaign) {
        if (speed == 1) {
            return campaign;
        }
        long startMs = start.toEpochMilli();
        return Instant.ofEpochMilli(startMs + Math.round((campaign.toEpochMilli() - startMs) / speed));
    }
}
