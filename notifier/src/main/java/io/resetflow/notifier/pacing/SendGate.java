package io.resetflow.notifier.pacing;

import io.resetflow.core.tenant.Tenant;
import io.resetflow.core.time.CampaignTime;
import java.time.Duration;
import java.util.Optional;

/**
 * Whether a tenant's next mail may go now and, if not, how long to wait on the wall clock: while an
 * operator has paused the tenant, until its quiet hours end in campaign time (converted to wall time
 * through the campaign clock), while its relay is held (see {@link RelayHolds}), or until its rate limits
 * grant a token. A pause, quiet or relay wait longer than {@code recheck} is cut to it, so a resume or a
 * changed wall clock is seen that soon; the next check converts the rest of the quiet hours again.
 */
public final class SendGate {

    /** Why a mail waits. */
    public enum Hold { PAUSED, QUIET_HOURS, RELAY, RATE_LIMIT }

    /** A wait on the wall clock and its cause. */
    public record Wait(Hold cause, Duration wallDelay) {
    }

    private final TenantSwitches switches;
    private final CampaignTime time;
    private final RateLimits rateLimits;
    private final RelayHolds relays;
    private final Duration recheck;

    /** Without relay holds: for tests of pausing, quiet hours and rates. */
    public SendGate(TenantSwitches switches, CampaignTime time, RateLimits rateLimits, Duration recheck) {
        this(switches, time, rateLimits, new RelayHolds(recheck, recheck, time::wallNow), recheck);
    }

    public SendGate(TenantSwitches switches, CampaignTime time, RateLimits rateLimits, RelayHolds relays,
                    Duration recheck) {
        this.switches = switches;
        this.time = time;
        this.rateLimits = rateLimits;
        this.relays = relays;
        this.recheck = recheck;
    }

    /** Empty when the tenant's mail may go now (a rate token is then taken); else the wait. */
    public Optional<Wait> check(Tenant tenant) {
        if (switches.isPaused(tenant.id())) {
            return Optional.of(new Wait(Hold.PAUSED, recheck));
        }
        Optional<Wait> quiet = quietWait(tenant);
        if (quiet.isPresent()) {
            return quiet;
        }
        // The relay before the rate limit: a held tenant rechecking must not spend its daily cap.
        Optional<Duration> relay = relays.admit(tenant.id());
        if (relay.isPresent()) {
            return Optional.of(new Wait(Hold.RELAY, atLeastOneMilli(atMostRecheck(relay.get()))));
        }
        Duration paced = rateLimits.tryAcquire(tenant.id());
        if (paced.isZero()) {
            return Optional.empty();
        }
        relays.probeNotSent(tenant.id());
        return Optional.of(new Wait(Hold.RATE_LIMIT, paced));
    }

    /** Whether a mail let through earlier may still go now: not paused, not quiet. Takes no token. */
    public boolean mayStillSend(Tenant tenant) {
        return !switches.isPaused(tenant.id()) && !isQuiet(tenant);
    }

    public boolean isQuiet(Tenant tenant) {
        return tenant.policy().quietHours().isQuiet(time.now());
    }

    private Optional<Wait> quietWait(Tenant tenant) {
        return tenant.policy().quietHours().endAfter(time.now())
                .map(end -> new Wait(Hold.QUIET_HOURS, atLeastOneMilli(atMostRecheck(time.wallDelayUntil(end)))));
    }

    private Duration atMostRecheck(Duration wait) {
        return wait.compareTo(recheck) > 0 ? recheck : wait;
    }

    private static Duration atLeastOneMilli(Duration wait) {
        return wait.isZero() ? Duration.ofMillis(1) : wait;
    }
}
