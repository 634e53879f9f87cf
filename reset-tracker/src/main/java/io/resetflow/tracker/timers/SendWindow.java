package io.resetflow.tracker.timers;

import io.resetflow.core.tenant.QuietHours;
import io.resetflow.core.tenant.RemediationPolicy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Whether a notice may be requested now: not in the tenant's quiet hours (in its zone), and not above
 * this task's share of the tenant's daily send cap. Mailboxes hash evenly over the input partitions,
 * so each of the N tasks takes cap/N (rounded up) a day; the count per tenant and local day is kept
 * in a small store so it survives restarts, and in a map of its few keys (tenant and day) so that
 * the check before every notice does not read the store.
 */
public final class SendWindow {

    private final KeyValueStore<String, Long> sentPerDay;
    private final int partitions;
    private final Map<String, Long> sent = new HashMap<>();
    /** ISO names of the days seen, one a day: formatting a date for every notice showed in profiles. */
    private final Map<LocalDate, String> dayNames = new HashMap<>();

    public SendWindow(KeyValueStore<String, Long> sentPerDay, int partitions) {
        this.sentPerDay = sentPerDay;
        this.partitions = partitions;
    }

    public enum Cause { QUIET_HOURS, DAILY_CAP }

    /** Empty if a notice may go now, else why not and when to try again. */
    public record Deferral(Cause cause, Instant until) {
    }

    public Optional<Deferral> check(String tenant, RemediationPolicy policy, Instant now) {
        QuietHours quiet = policy.quietHours();
        Optional<Instant> quietEnd = quiet.endAfter(now);
        if (quietEnd.isPresent()) {
            return Optional.of(new Deferral(Cause.QUIET_HOURS, quietEnd.get()));
        }
        LocalDate today = quiet.dayOf(now);
        if (sentOn(tenant, today) >= dailyShare(policy)) {
            return Optional.of(new Deferral(Cause.DAILY_CAP, quiet.openingAfter(today)));
        }
        return Optional.empty();
    }

    public void recordSent(String tenant, RemediationPolicy policy, Instant now) {
        String key = key(tenant, policy.quietHours().dayOf(now));
        long updated = sent(key) + 1;
        sentPerDay.put(key, updated);
        sent.put(key, updated);
    }

    long dailyShare(RemediationPolicy policy) {
        return (policy.dailySendCap() + partitions - 1) / partitions;
    }

    private long sentOn(String tenant, LocalDate day) {
        return sent(key(tenant, day));
    }

    private long sent(String key) {
        return sent.computeIfAbsent(key, k -> {
            Long stored = sentPerDay.get(k);
            return stored == null ? 0L : stored;
        });
    }

    private String key(String tenant, LocalDate day) {
        return tenant + "|" + dayNames.computeIfAbsent(day, LocalDate::toString);
    }
}
