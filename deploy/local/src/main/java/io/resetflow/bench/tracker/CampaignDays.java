package io.resetflow.bench.tracker;

import io.resetflow.core.tenant.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * Places the benchmark's campaign clock. The tracker maps wall time to campaign time as
 * {@code start + (wall - start) * speed}; choosing {@code start} lets a run begin at any campaign
 * instant, here a Tokyo morning (outside quiet hours) whatever the wall clock says.
 */
final class CampaignDays {

    /** Campaign speed of the benchmark runs: a non-1 speed is what makes the start anchor count. */
    static final double SPEED = 2.0;

    private CampaignDays() {
    }

    /** The first Tokyo 09:00 at least an hour from now: the day the mailboxes come in. */
    static Instant intakeDay(Instant wallNow) {
        ZonedDateTime tokyo = wallNow.plus(Duration.ofHours(1)).atZone(QuietHours.TOKYO);
        ZonedDateTime nine = tokyo.toLocalDate().atTime(LocalTime.of(9, 0)).atZone(QuietHours.TOKYO);
        return (nine.isBefore(tokyo) ? nine.plusDays(1) : nine).toInstant();
    }

    /** The clock start for which campaign time at {@code wallNow} is {@code campaignNow}, at {@link #SPEED}. */
    static Instant startFor(Instant campaignNow, Instant wallNow) {
        long wall = wallNow.toEpochMilli();
        return Instant.ofEpochMilli(Math.round((wall * SPEED - campaignNow.toEpochMilli()) / (SPEED - 1)));
    }
}
