package io.resetflow.notifier.consume;

import java.util.Locale;

/** Why a tenant's request partitions are paused; the tag value of the held gauge. */
public enum HoldCause {
    /** An operator paused the tenant. */
    PAUSED,
    /** The tenant is in its quiet hours. */
    QUIET_HOURS,
    /** The tenant's relay is held (rejecting or unreachable). */
    RELAY,
    /** The tenant's window of requests in memory is full (sending slower than requests arrive). */
    WINDOW;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
