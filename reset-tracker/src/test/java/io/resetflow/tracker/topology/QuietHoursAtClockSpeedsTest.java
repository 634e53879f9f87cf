package io.resetflow.tracker.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.resetflow.avro.AccountLifecycle;
import io.resetflow.avro.NotificationRequest;
import io.resetflow.avro.Priority;
import io.resetflow.core.config.CommonConfig;
import io.resetflow.tracker.config.TrackerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Quiet hours start and end at the tenant's own campaign hour whatever the clock speed: the tracker
 * reads campaign time off the wall clock and keeps every timer in campaign time.
 */
class QuietHoursAtClockSpeedsTest {

    private static final long TIMER_INTERVAL_MS = 10;

    @TempDir
    Path stateDir;

    private TrackerDriver tracker;

    @AfterEach
    void close() {
        if (tracker != null) {
            tracker.close();
        }
    }

    /** speed x (tenant, its zone, quiet from, quiet until) as the test tenants file configures them. */
    static Stream<Arguments> speedsAndTenants() {
        return Stream.of(1.0, 1_440.0, 8_640.0).flatMap(speed -> Stream.of(
                Arguments.of(speed, "nifty", "Asia/Tokyo", LocalTime.of(21, 0), LocalTime.of(8, 0)),
                Arguments.of(speed, "island", "Pacific/Honolulu", LocalTime.of(22, 0), LocalTime.of(7, 0))));
    }

    @ParameterizedTest(name = "speed {0}, {1} ({2})")
    @MethodSource("speedsAndTenants")
    void quietHoursStartAndEndAtTheTenantsCampaignHour(double speed, String tenant, String zoneId,
                                                       LocalTime quietFrom, LocalTime quietUntil) {
        ZoneId zone = ZoneId.of(zoneId);
        TrackerDriver t = start(speed);
        LocalDate today = t.now().atZone(zone).toLocalDate();
        Instant quietStarts = today.atTime(quietFrom).atZone(zone).toInstant();
        Instant quietEnds = today.plusDays(1).atTime(quietUntil).atZone(zone).toInstant();

        // Given two minutes before quiet hours, a mailbox is notified at once
        advanceCampaignTo(t, quietStarts.minus(Duration.ofMinutes(2)), speed);
        t.accept("MBX-EVENING", tenant, AccountLifecycle.ACTIVE, Priority.URGENT);
        List<NotificationRequest> evening = t.drainNotices();
        // When quiet hours have begun, the next mailbox waits all night
        advanceCampaignTo(t, quietStarts, speed);
        t.accept("MBX-NIGHT", tenant, AccountLifecycle.ACTIVE, Priority.URGENT);
        List<NotificationRequest> atNight = t.drainNotices();
        advanceCampaignTo(t, quietEnds.minus(Duration.ofMillis(Math.round(3 * TIMER_INTERVAL_MS * speed))), speed);
        List<NotificationRequest> justBeforeTheEnd = t.drainNotices();
        // Then its notice goes out on the first timer tick at or after the end of quiet hours, stamped with it
        Instant lastQuietTick = t.now();
        List<NotificationRequest> morning = t.drainNotices();
        while (morning.isEmpty() && t.now().isBefore(quietEnds.plus(Duration.ofHours(1)))) {
            lastQuietTick = t.now();
            t.advance(Duration.ofMillis(TIMER_INTERVAL_MS));
            morning = t.drainNotices();
        }

        assertThat(evening).extracting(NotificationRequest::getMailboxId).containsExactly("MBX-EVENING");
        assertThat(atNight).isEmpty();
        assertThat(justBeforeTheEnd).isEmpty();
        assertThat(morning).extracting(NotificationRequest::getMailboxId).containsExactly("MBX-NIGHT");
        Instant sentAt = morning.get(0).getRequestedAt();
        assertThat(sentAt).isEqualTo(t.now());
        assertThat(sentAt).isAfterOrEqualTo(quietEnds);
        assertThat(lastQuietTick).isBefore(quietEnds);
        assertThat(sentAt.atZone(zone).getHour()).isEqualTo(quietUntil.getHour());
    }

    private TrackerDriver start(double speed) {
        tracker = new TrackerDriver(stateDir, Map.of(CommonConfig.CLOCK_SPEED, speed,
                TrackerConfig.TIMER_INTERVAL_MS, TIMER_INTERVAL_MS));
        return tracker;
    }

    /** Advances the wall clock by the least whole milliseconds that take the campaign to {@code target}. */
    private static void advanceCampaignTo(TrackerDriver t, Instant target, double speed) {
        long campaignMs = Duration.between(t.now(), target).toMillis();
        if (campaignMs > 0) {
            t.advance(Duration.ofMillis((long) Math.ceil(campaignMs / speed)));
        }
    }
}
