package io.resetflow.core.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Campaign time read off a wall clock, for code outside Kafka Streams (the notifier, the simulators).
 * Every wait that is derived from campaign time goes through {@link #wallDelayUntil} or
 * {@link CampaignClock#toWall(Duration)}, never straight into a wall-clock scheduler.
 */
public final class CampaignTime {

    private final CampaignClock mapping;
    private final Clock wall;

    public CampaignTime(CampaignClock mapping, Clock wall) {
        this.mapping = mapping;
        this.wall = wall;
    }

    public static CampaignTime realTime() {
        return new CampaignTime(CampaignClock.realTime(), Clock.systemUTC());
    }

    public CampaignClock mapping() {
        return mapping;
    }

    public Instant now() {
        return mapping.toCampaign(wall.millis());
    }

    public Instant wallNow() {
        return wall.instant();
    }

    /** The wall-clock time to wait until the campaign reaches {@code campaignInstant}; zero if it has. */
    public Duration wallDelayUntil(Instant campaignInstant) {
        Duration left = Duration.between(wall.instant(), mapping.toWall(campaignInstant));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** A java.time view showing campaign time, for code that stamps records with "now". */
    public Clock asClock() {
        return new CampaignJavaClock(this, ZoneId.of("UTC"));
    }

    private static final class CampaignJavaClock extends Clock {

        private final CampaignTime time;
        private final ZoneId zone;

        CampaignJavaClock(CampaignTime time, ZoneId zone) {
            this.time = time;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new CampaignJavaClock(time, other);
        }

        @Override
        public Instant instant() {
            return time.now();
        }
    }
}
