package io.resetflow.notifier.pacing;

import java.time.InstantSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tenants whose relay is held: it rejected the sender, the policy or the login, refused the same
 * failure for many recipients, or could not be reached. A held tenant sends nothing until its back-off
 * (exponential, on the wall clock: it measures how long a relay takes to recover) has passed; then one
 * mail at a time probes the relay, and only a mail the relay accepts ends the hold. A failed probe
 * doubles the back-off.
 */
public final class RelayHolds {

    /** Why a relay is held. */
    public enum Reason { REJECTING, UNREACHABLE }

    /** Told when a tenant's hold begins (not when a probe extends it). */
    @FunctionalInterface
    public interface Listener {
        void held(String tenant, Reason reason);
    }

    private static final class Hold {
        Reason reason;
        Duration backoff;
        Instant until;
        Instant probeStarted;
    }

    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final InstantSource wall;
    private final Map<String, Hold> holds = new ConcurrentHashMap<>();
    private volatile Listener listener = (tenant, reason) -> { };

    public RelayHolds(Duration initialBackoff, Duration maxBackoff, InstantSource wall) {
        if (initialBackoff.isZero() || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("relay hold back-off must be positive and at most its maximum");
        }
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.wall = wall;
    }

    public void onHold(Listener listener) {
        this.listener = listener;
    }

    /**
     * Holds the tenant, or extends its hold when this was its probe. A failure reported by a mail that
     * was already on the wire when the hold began changes nothing: one outage is one back-off step.
     */
    public void failed(String tenant, Reason reason) {
        Instant now = wall.instant();
        boolean[] began = {false};
        holds.compute(tenant, (id, hold) -> {
            if (hold == null) {
                began[0] = true;
                Hold fresh = new Hold();
                fresh.reason = reason;
                fresh.backoff = initialBackoff;
                fresh.until = now.plus(initialBackoff);
                return fresh;
            }
            if (hold.probeStarted != null || !now.isBefore(hold.until)) {
                hold.reason = reason;
                hold.backoff = min(hold.backoff.multipliedBy(2), maxBackoff);
                hold.until = now.plus(hold.backoff);
                hold.probeStarted = null;
            }
            return hold;
        });
        if (began[0]) {
            listener.held(tenant, reason);
        }
    }

    /** The relay took a mail of the tenant: a hold in probing ends. */
    public void accepted(String tenant) {
        holds.computeIfPresent(tenant, (id, hold) -> hold.probeStarted != null ? null : hold);
    }

    /**
     * Empty when the tenant may send now (for a held tenant: this caller is the probe); else how long to
     * wait on the wall clock. A probe that never reported (its mail was refused before the wire, or
     * abandoned) is replaced after one back-off.
     */
    public Optional<Duration> admit(String tenant) {
        if (!holds.containsKey(tenant)) {
            return Optional.empty();
        }
        Instant now = wall.instant();
        Duration[] wait = {null};
        holds.computeIfPresent(tenant, (id, hold) -> {
            if (now.isBefore(hold.until)) {
                wait[0] = Duration.between(now, hold.until);
            } else if (hold.probeStarted != null && now.isBefore(hold.probeStarted.plus(hold.backoff))) {
                wait[0] = Duration.between(now, hold.probeStarted.plus(hold.backoff));
            } else {
                hold.probeStarted = now;
            }
            return hold;
        });
        return Optional.ofNullable(wait[0]);
    }

    /** Gives back a probe that was admitted but did not go (the rate limit said wait). */
    public void probeNotSent(String tenant) {
        holds.computeIfPresent(tenant, (id, hold) -> {
            hold.probeStarted = null;
            return hold;
        });
    }

    public boolean isHeld(String tenant) {
        return holds.containsKey(tenant);
    }

    /** True while the tenant's back-off runs; false once it is over and a probe may go. */
    public boolean isBackingOff(String tenant) {
        Hold hold = holds.get(tenant);
        return hold != null && wall.instant().isBefore(hold.until);
    }

    public Optional<Reason> reason(String tenant) {
        return Optional.ofNullable(holds.get(tenant)).map(hold -> hold.reason);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
