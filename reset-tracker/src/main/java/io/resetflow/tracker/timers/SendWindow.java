package io.resetflow.tracker.timers;

import io.resetflow.core.tenant.RemediationPolicy;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Whether a notice may be requested now: not in the tenant's quiet hours (Asia/Tokyo), and not above
 * this task's share of the tenant's daily send cap. Mailboxes hash evenly over the input partitions,
 * so each of the N tasks takes cap/N (rounded up) a day; the count per tenant and Tokyo day is kept
 * in a small store so it survives restarts, and in a map of its few keys (tenant and day) so that
 * the check before every notice does not read the store.
 */
public final class SendWindow {

    public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

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
        ZonedDateTime tokyo = now.atZone(TOKYO);
        if (policy.isQuiet(tokyo.toLocalTime())) {
            return Optional.of(new Deferral(Cause.QUIET_HOURS, quietEnd(policy, tokyo)));
        }
        if (sentOn(tenant, tokyo.toLocalDate()) >= dailyShare(policy)) {
            return Optional.of(new Deferral(Cause.DAILY_CAP, nextDayOpening(policy, tokyo.toLocalDate())));
        }
        return Optional.empty();
    }

    public void recordSent(String tenant, Instant now) {
        String key = key(tenant, LocalDate.ofInstant(now, TOKYO));
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

    private static Instant quietEnd(RemediationPolicy policy, ZonedDateTime tokyo) {
        ZonedDateTime end = tokyo.toLocalDate().atTime(policy.quietUntil()).atZone(TOKYO);
        return (end.isAfter(tokyo) ? end : end.plusDays(1)).toInstant();
    }

    /** When sending may resume on the next Tokyo day: the end of its quiet hours, or midnight without any. */
    private static Instant nextDayOpening(RemediationPolicy policy, LocalDate today) {
        LocalTime opening = policy.quietFrom().equals(policy.quietUntil()) ? LocalTime.MIDNIGHT : policy.quietUntil();
        LocalDate day = today.plusDays(1);
        ZonedDateTime candidate = day.atTime(opening).atZone(TOKYO);
        while (policy.isQuiet(candidate.toLocalTime())) {
            candidate = candidate.plusMinutes(30);
        }
        return candidate.toInstant();
    }

    private String key(String tenant, LocalDate day) {
        return tenant + "|" + dayNames.computeIfAbsent(day, LocalDate::toString);
    }
}
