package io.resetflow.core.tenant;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/**
 * When a tenant's customers are reminded and forced: reminder offsets and the deadline count from
 * the initial notice; nothing is mailed in quiet hours (Asia/Tokyo); at most dailySendCap notices
 * a day and sendRatePerSecond per second.
 */
public record RemediationPolicy(List<Duration> reminderOffsets, Duration deadline, LocalTime quietFrom,
                                LocalTime quietUntil, long dailySendCap, double sendRatePerSecond) {

    public static final RemediationPolicy DEFAULT = new RemediationPolicy(
            List.of(Duration.ofDays(3), Duration.ofDays(7)), Duration.ofDays(14),
            LocalTime.of(21, 0), LocalTime.of(8, 0), 1_000_000, 200);

    public RemediationPolicy {
        reminderOffsets = List.copyOf(reminderOffsets);
        for (Duration offset : reminderOffsets) {
            if (offset.isNegative() || offset.compareTo(deadline) >= 0) {
                throw new IllegalArgumentException("reminder offset " + offset + " must lie between 0 and the deadline "
                        + deadline);
            }
        }
        if (dailySendCap <= 0 || sendRatePerSecond <= 0) {
            throw new IllegalArgumentException("dailySendCap and sendRatePerSecond must be positive");
        }
    }

    /** Whether the given Tokyo local time lies in quiet hours (the range may wrap past midnight). */
    public boolean isQuiet(LocalTime tokyoTime) {
        if (quietFrom.equals(quietUntil)) {
            return false;
        }
        return quietFrom.isBefore(quietUntil)
                ? !tokyoTime.isBefore(quietFrom) && tokyoTime.isBefore(quietUntil)
                : !tokyoTime.isBefore(quietFrom) || tokyoTime.isBefore(quietUntil);
    }
}
