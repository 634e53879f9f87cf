package io.resetflow.core.tenant;

import java.time.Duration;
import java.util.List;

/**
 * When a tenant's customers are reminded and forced: reminder offsets and the deadline count from
 * the initial notice; nothing is mailed in the tenant's quiet hours (in its own zone); at most
 * dailySendCap notices a local day and sendRatePerSecond per second. A command to the ISP without a
 * final answer within commandAnswerTimeout is issued again, up to commandAttempts times, then
 * escalated. Inactive accounts are mailed, or locked like former ones.
 */
public record RemediationPolicy(List<Duration> reminderOffsets, Duration deadline, QuietHours quietHours,
                                long dailySendCap, double sendRatePerSecond, Duration commandAnswerTimeout,
                                int commandAttempts, InactiveAccounts inactiveAccounts) {

    /** What is done with accounts the breach file marks inactive. */
    public enum InactiveAccounts { MAIL, LOCK }

    public static final Duration DEFAULT_COMMAND_ANSWER_TIMEOUT = Duration.ofDays(2);
    public static final int DEFAULT_COMMAND_ATTEMPTS = 3;

    public static final RemediationPolicy DEFAULT = new RemediationPolicy(
            List.of(Duration.ofDays(3), Duration.ofDays(7)), Duration.ofDays(14), QuietHours.TOKYO_NIGHT,
            1_000_000, 200);

    /** With the default command follow-up and inactive accounts mailed. */
    public RemediationPolicy(List<Duration> reminderOffsets, Duration deadline, QuietHours quietHours,
                             long dailySendCap, double sendRatePerSecond) {
        this(reminderOffsets, deadline, quietHours, dailySendCap, sendRatePerSecond, DEFAULT_COMMAND_ANSWER_TIMEOUT,
                DEFAULT_COMMAND_ATTEMPTS, InactiveAccounts.MAIL);
    }

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
        if (commandAnswerTimeout.isNegative() || commandAnswerTimeout.isZero() || commandAttempts < 1) {
            throw new IllegalArgumentException("commandAnswerTimeout and commandAttempts must be positive");
        }
    }
}
