package io.resetflow.tracker.domain;

import io.resetflow.core.tenant.QuietHours;
import io.resetflow.core.tenant.RemediationPolicy;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a notice may be requested now: not in the tenant's quiet hours (in its zone), and not above
 * this task's share of the tenant's daily send cap. Pure: the day's count comes in.
 */
public final class SendRules {

    public enum Cause { QUIET_HOURS, DAILY_CAP }

    /** Why a notice waits and until when. */
    public record Deferral(Cause cause, Instant until) {
    }

    /** This task's notices of the tenant on the local day of {@code now}, and its share of the daily cap. */
    public record DailySends(long sentToday, long dailyShare) {

        DailySends plusOne() {
            return new DailySends(sentToday + 1, dailyShare);
        }
    }

    private SendRules() {
    }

    public static Optional<Deferral> check(RemediationPolicy policy, Instant now, DailySends sends) {
        QuietHours quiet = policy.quietHours();
        Optional<Instant> quietEnd = quiet.endAfter(now);
        if (quietEnd.isPresent()) {
            return Optional.of(new Deferral(Cause.QUIET_HOURS, quietEnd.get()));
        }
        if (sends.sentToday() >= sends.dailyShare()) {
            return Optional.of(new Deferral(Cause.DAILY_CAP, quiet.openingAfter(quiet.dayOf(now))));
        }
        return Optional.empty();
    }
}
