package io.resetflow.tracker.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CounterViewsTest {

    @Test
    void readsDeliveriesFunnelAndRemindersFromTheCounters() {
        Map<String, Long> counters = Map.of("deliveries|SENT", 8L, "deliveries|DEFERRED", 3L,
                "reached|AFFECTED", 10L, "reached|NOTIFIED", 8L, "reached|REMINDED", 5L,
                "reached|FORCE_RESET_REQUESTED", 1L, "reminders|2025-06-09", 2L, "reminders|2025-06-05", 4L,
                "reminders|2025-06-04", 0L, "channel|MAILBOX|SENT", 8L);

        assertThat(CounterViews.deliveries(counters))
                .containsExactly(Map.entry("SENT", 8L), Map.entry("DEFERRED", 3L), Map.entry("BOUNCED", 0L),
                        Map.entry("FAILED", 0L));
        assertThat(CounterViews.funnel(counters, Map.of("RESET_COMPLETED", 4L, "LOCKED", 1L)))
                .containsExactly(Map.entry("affected", 10L), Map.entry("notified", 8L), Map.entry("reminded", 5L),
                        Map.entry("remediated", 4L), Map.entry("forced", 1L), Map.entry("locked", 1L));
        assertThat(CounterViews.remindersDue(counters)).containsExactly(new Views.DayCount("2025-06-05", 4),
                new Views.DayCount("2025-06-09", 2));
    }
}
