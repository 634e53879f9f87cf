package io.resetflow.tracker.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.resetflow.avro.DeliveryStatus;
import io.resetflow.avro.NotificationRequest;
import io.resetflow.avro.ResetActor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-tenant counters behind the dashboard's delivery figures, funnel and reminders due. */
class DashboardCountersTest {

    @TempDir
    Path stateDir;

    private TrackerDriver tracker;

    @AfterEach
    void close() {
        if (tracker != null) {
            tracker.close();
        }
    }

    @Test
    void countsEveryReportedOutcomeByStatusDeferredIncluded() {
        tracker = new TrackerDriver(stateDir, Map.of());
        // Given a notified mailbox whose notice was first deferred, then sent
        tracker.accept("MBX-A");
        NotificationRequest notice = single(tracker.drainNotices());

        // When the notifier reports both attempts
        tracker.delivered(notice, DeliveryStatus.DEFERRED);
        tracker.delivered(notice, DeliveryStatus.SENT);

        // Then both are counted by status, while the regulator's channel figures keep final outcomes only
        assertThat(tracker.counter("nifty", "deliveries|DEFERRED")).isEqualTo(1);
        assertThat(tracker.counter("nifty", "deliveries|SENT")).isEqualTo(1);
        assertThat(tracker.counter("nifty", "deliveries|BOUNCED")).isZero();
        assertThat(tracker.counter("nifty", "channel|MAILBOX|DEFERRED")).isZero();
        assertThat(tracker.counter("nifty", "channel|MAILBOX|SENT")).isEqualTo(1);
    }

    @Test
    void funnelCountsMailboxesThatEverReachedAStageOnceEach() {
        tracker = new TrackerDriver(stateDir, Map.of());
        // Given two mailboxes: A notified and reminded twice, B reset before any notice arrived
        tracker.accept("MBX-A");
        tracker.accept("MBX-B");
        tracker.drainNotices().stream().filter(n -> n.getMailboxId().equals("MBX-A"))
                .forEach(n -> tracker.delivered(n, DeliveryStatus.SENT));
        tracker.reset("nifty", "MBX-B", ResetActor.CUSTOMER, tracker.now());
        // Day 3 and day 7 (10:00 Tokyo): two reminders delivered
        tracker.advance(Duration.ofDays(3));
        tracker.drainNotices().forEach(n -> tracker.delivered(n, DeliveryStatus.SENT));
        tracker.advance(Duration.ofDays(4));
        tracker.drainNotices().forEach(n -> tracker.delivered(n, DeliveryStatus.SENT));

        // Then each stage counts each mailbox once, however often it re-entered the state
        assertThat(tracker.counter("nifty", "reached|AFFECTED")).isEqualTo(2);
        assertThat(tracker.counter("nifty", "reached|NOTIFIED")).isEqualTo(1);
        assertThat(tracker.counter("nifty", "reached|REMINDED")).isEqualTo(1);
        assertThat(tracker.counter("nifty", "reached|RESET_COMPLETED")).isEqualTo(1);
        assertThat(tracker.counter("nifty", "reached|FORCE_RESET_REQUESTED")).isZero();
    }

    @Test
    void countsRemindersOnTheTokyoDayTheyAreDueAndMovesThemAsTheyFireOrBecomeMoot() {
        tracker = new TrackerDriver(stateDir, Map.of());
        // Given a mailbox notified on 2025-06-02 10:00 Tokyo: first reminder due three days later
        tracker.accept("MBX-A");
        tracker.drainNotices().forEach(n -> tracker.delivered(n, DeliveryStatus.SENT));
        long dueOnJune5 = tracker.counter("nifty", "reminders|2025-06-05");

        // When the first reminder goes out
        tracker.advance(Duration.ofDays(3));
        tracker.drainNotices().forEach(n -> tracker.delivered(n, DeliveryStatus.SENT));
        long afterFirst5 = tracker.counter("nifty", "reminders|2025-06-05");
        long afterFirst9 = tracker.counter("nifty", "reminders|2025-06-09");
        // and the customer then resets the password
        tracker.reset("nifty", "MBX-A", ResetActor.CUSTOMER, tracker.now());

        // Then the count moved from June 5 to June 9 (day 7), and is gone once no reminder is needed
        assertThat(dueOnJune5).isEqualTo(1);
        assertThat(afterFirst5).isZero();
        assertThat(afterFirst9).isEqualTo(1);
        assertThat(tracker.counter("nifty", "reminders|2025-06-09")).isZero();
    }

    private static NotificationRequest single(List<NotificationRequest> notices) {
        assertThat(notices).hasSize(1);
        return notices.get(0);
    }
}
