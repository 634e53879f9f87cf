package io.resetflow.tracker.query;

import io.resetflow.avro.DeliveryStatus;
import io.resetflow.avro.RemediationState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a tenant's counters (see TaskCounts) as the dashboard's delivery, funnel and reminder figures. */
public final class CounterViews {

    private static final int REMINDER_DAYS = 7;

    private CounterViews() {
    }

    /** Outcomes reported by the notifier, every status present. */
    public static Map<String, Long> deliveries(Map<String, Long> counters) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (DeliveryStatus status : DeliveryStatus.values()) {
            byStatus.put(status.name(), counters.getOrDefault("deliveries|" + status.name(), 0L));
        }
        return byStatus;
    }

    /**
     * affected -> notified -> reminded -> remediated / forced / locked. The first three and "forced" count
     * mailboxes that ever reached the stage; remediated (reset completed) and locked are final states.
     */
    public static Map<String, Long> funnel(Map<String, Long> counters, Map<String, Long> countsByState) {
        Map<String, Long> funnel = new LinkedHashMap<>();
        funnel.put("affected", reached(counters, RemediationState.AFFECTED));
        funnel.put("notified", reached(counters, RemediationState.NOTIFIED));
        funnel.put("reminded", reached(counters, RemediationState.REMINDED));
        funnel.put("remediated", countsByState.getOrDefault(RemediationState.RESET_COMPLETED.name(), 0L));
        funnel.put("forced", reached(counters, RemediationState.FORCE_RESET_REQUESTED));
        funnel.put("locked", countsByState.getOrDefault(RemediationState.LOCKED.name(), 0L));
        return funnel;
    }

    /** The first days with reminders scheduled, earliest first; counters are keyed by ISO date, so they sort. */
    public static List<Views.DayCount> remindersDue(Map<String, Long> counters) {
        List<Views.DayCount> days = new ArrayList<>();
        counters.entrySet().stream()
                .filter(e -> e.getKey().startsWith("reminders|") && e.getValue() > 0)
                .sorted(Map.Entry.comparingByKey())
                .limit(REMINDER_DAYS)
                .forEach(e -> days.add(new Views.DayCount(e.getKey().substring("reminders|".length()), e.getValue())));
        return days;
    }

    private static long reached(Map<String, Long> counters, RemediationState state) {
        return counters.getOrDefault("reached|" + state.name(), 0L);
    }
}
