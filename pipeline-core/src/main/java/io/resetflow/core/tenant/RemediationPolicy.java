package io.resetflow.core.tenant;

import java.time.Duration;
import java.util.List;

/**
 * When a tenant's customers are reminded and forced: reminder offsets and the deadline count from
 * the initial notice; nothing is mailed in the tenant's quiet hours (in its own zone); at most
 * dailySendCap notices a local day and sendRatePerSecond per second.
 */
public record RemediationPolicy(List<Duration> reminderOffsets, Duration deadline, QuietHours quietHours,
                                long dailySendCap, double sendRatePerSecond) {

    public static final RemediationPolicy DEFAULT = new RemediationPolicy(
            List.of(Duration.ofDays(3), Duration.ofDays(7)), Duration.ofDays(14), QuietHours.TOKYO_NIGHT,
            1_000_000, 200);

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
}
