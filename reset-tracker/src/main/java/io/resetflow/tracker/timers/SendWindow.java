package io.resetflow.tracker.timers;

import io.resetflow.core.tenant.RemediationPolicy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * This task's count of notices per tenant and local day, which {@code SendRules} holds against the
 * tenant's daily send cap. Mailboxes hash evenly over the input partitions, so each of the N tasks
 * takes cap/N (rounded up) a day; the count is kept in a small store so it survives restarts, and in
 * a map of its few keys (tenant and day) so that the check before every notice does not read the store.
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

    /** This task's notices of the tenant on the local day of {@code now}. */
    public long sentToday(String tenant, RemediationPolicy policy, Instant now) {
        return sent(key(tenant, policy.quietHours().dayOf(now)));
    }

    public void recordSent(String tenant, RemediationPolicy policy, Instant now) {
        String key = key(tenant, policy.quietHours().dayOf(now));
        long updated = sent(key) + 1;
        sentPerDay.put(key, updated);
        sent.put(key, updated);
    }

    public long dailyShare(RemediationPolicy policy) {
        return (policy.dailySendCap() + partitions - 1) / partitions;
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
