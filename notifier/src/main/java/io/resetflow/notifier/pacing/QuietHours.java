package io.resetflow.notifier.pacing;

import io.resetflow.core.tenant.RemediationPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/** Whether a tenant's quiet hours (in its zone, Asia/Tokyo by default) forbid sending now, and for how long. */
public final class QuietHours {

    private final Clock clock;
    private final ZoneId zone;

    public QuietHours(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** Empty when sending is allowed; else the time left until quiet hours end. */
    public Optional<Duration> remaining(RemediationPolicy policy) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
        if (!policy.isQuiet(now.toLocalTime())) {
            return Optional.empty();
        }
        LocalTime until = policy.quietUntil();
        ZonedDateTime end = LocalDateTime.of(now.toLocalDate(), until).atZone(zone);
        if (!end.isAfter(now)) {
            end = end.plusDays(1);
        }
        return Optional.of(Duration.between(now, end));
    }
}
