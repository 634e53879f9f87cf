package io.resetflow.core.tenant;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A tenant's quiet hours: no mail between {@code from} and {@code until} local time in its zone (the
 * range may wrap past midnight; equal ends mean none). The one place both the tracker, which
 * requests notices, and the notifier, which sends them, decide whether now is quiet.
 */
public record QuietHours(LocalTime from, LocalTime until, ZoneId zone) {

    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    public static final QuietHours TOKYO_NIGHT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0), TOKYO);

    /** Parses {@code 21:00-08:00}. */
    public static QuietHours parse(String range, ZoneId zone) {
        String[] ends = range.split("-");
        if (ends.length != 2) {
            throw new IllegalArgumentException("quiet hours must look like 21:00-08:00: " + range);
        }
        return new QuietHours(LocalTime.parse(ends[0].trim()), LocalTime.parse(ends[1].trim()), zone);
    }

    public boolean isNone() {
        return from.equals(until);
    }

    public boolean isQuiet(Instant at) {
        return isQuiet(at.atZone(zone).toLocalTime());
    }

    /** Empty when mail may go at {@code at}; else the instant quiet hours end. */
    public Optional<Instant> endAfter(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        if (!isQuiet(local.toLocalTime())) {
            return Optional.empty();
        }
        ZonedDateTime end = local.toLocalDate().atTime(until).atZone(zone);
        return Optional.of((end.isAfter(local) ? end : end.plusDays(1)).toInstant());
    }

    /** The tenant's local day of an instant: daily caps count per such day. */
    public LocalDate dayOf(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    /** When mail may go again on the local day after {@code today}: the end of its quiet hours, or midnight. */
    public Instant openingAfter(LocalDate today) {
        ZonedDateTime midnight = today.plusDays(1).atStartOfDay(zone);
        return endAfter(midnight.toInstant()).orElse(midnight.toInstant());
    }

    private boolean isQuiet(LocalTime local) {
        if (isNone()) {
            return false;
        }
        return from.isBefore(until)
                ? !local.isBefore(from) && local.isBefore(until)
                : !local.isBefore(from) || local.isBefore(until);
    }

    @Override
    public String toString() {
        return from + "-" + until + " " + zone;
    }
}
