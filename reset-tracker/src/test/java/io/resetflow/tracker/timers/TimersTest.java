package io.resetflow.tracker.timers;

import static org.assertj.core.api.Assertions.assertThat;

import io.resetflow.core.tenant.QuietHours;
import io.resetflow.core.tenant.RemediationPolicy;
import io.resetflow.core.time.CampaignClock;
import io.resetflow.tracker.domain.SendRules;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

class TimersTest {

    /** Elapsed time that moves only when told to. */
    private static final class ManualTime implements Time {
        private long nanos;

        @Override
        public long milliseconds() {
            return nanos / 1_000_000;
        }

        @Override
        public long nanoseconds() {
            return nanos;
        }

        @Override
        public void sleep(long ms) {
            nanos += ms * 1_000_000;
        }
    }

    private static final Instant MONDAY_10_TOKYO = Instant.parse("2025-06-02T01:00:00Z");

    private static <K, V> KeyValueStore<K, V> store(org.apache.kafka.common.serialization.Serde<K> keys,
                                                    org.apache.kafka.common.serialization.Serde<V> values) {
        KeyValueStore<K, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("test"), keys, values)
                .withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        return store;
    }

    @Test
    void dueIndexReturnsOnlyWhatIsDueEarliestFirstAndBounded() {
        DueIndex index = new DueIndex(store(Serdes.Bytes(), Serdes.ByteArray()));
        index.add(MONDAY_10_TOKYO.plusSeconds(30), "late");
        index.add(MONDAY_10_TOKYO.minusSeconds(30), "early");
        index.add(MONDAY_10_TOKYO, "exactlyNow");
        index.add(Instant.parse("1969-12-31T00:00:00Z"), "before1970");

        List<DueIndex.Entry> due = index.dueUpTo(MONDAY_10_TOKYO, 10);
        List<DueIndex.Entry> bounded = index.dueUpTo(MONDAY_10_TOKYO, 2);

        assertThat(due).extracting(DueIndex.Entry::mailboxId).containsExactly("before1970", "early", "exactlyNow");
        assertThat(bounded).extracting(DueIndex.Entry::mailboxId).containsExactly("before1970", "early");
        index.remove(MONDAY_10_TOKYO, "exactlyNow");
        assertThat(index.dueUpTo(MONDAY_10_TOKYO, 10)).hasSize(2);
    }

    @Test
    void scanStartsAtTheLastHandledEntryButStillSeesEntriesAddedBelowIt() {
        // Given three due entries, the first two handled (the first one left in place on purpose)
        DueIndex index = new DueIndex(store(Serdes.Bytes(), Serdes.ByteArray()));
        index.add(MONDAY_10_TOKYO.minusSeconds(30), "first");
        index.add(MONDAY_10_TOKYO.minusSeconds(20), "second");
        index.add(MONDAY_10_TOKYO.minusSeconds(10), "third");
        List<DueIndex.Entry> firstTwo = index.dueUpTo(MONDAY_10_TOKYO, 2);
        firstTwo.forEach(index::handled);
        index.remove(firstTwo.get(1).dueAt(), "second");

        // When the next scan runs, and again after an entry is added before the handled ones
        List<DueIndex.Entry> next = index.dueUpTo(MONDAY_10_TOKYO, 10);
        index.add(MONDAY_10_TOKYO.minusSeconds(40), "addedEarlier");
        List<DueIndex.Entry> afterAdd = index.dueUpTo(MONDAY_10_TOKYO, 10);

        // Then the scan starts where the handled entries ended, and goes back only for what was added
        assertThat(next).extracting(DueIndex.Entry::mailboxId).containsExactly("third");
        assertThat(afterAdd).extracting(DueIndex.Entry::mailboxId)
                .containsExactly("addedEarlier", "first", "third");
    }

    @Test
    void tickBoundEndsAtItsEntryCountOrWhenItsTimeIsSpent() {
        ManualTime time = new ManualTime();
        TickBound bound = new TickBound(100, Duration.ofMillis(50), time);

        TickBound.Budget budget = bound.start();
        boolean freshTick = budget.allows(0);
        boolean atCount = budget.allows(100);
        time.sleep(49);
        boolean beforeTimeIsUp = budget.allows(10);
        time.sleep(1);
        boolean whenTimeIsUp = budget.allows(10);

        assertThat(freshTick).isTrue();
        assertThat(atCount).isFalse();
        assertThat(beforeTimeIsUp).isTrue();
        assertThat(whenTimeIsUp).isFalse();
        assertThat(budget.remaining(10)).isEqualTo(90);
        assertThat(bound.start().allows(0)).as("the next tick has its own budget").isTrue();
    }

    @Test
    void quietHoursDeferToTheirEndInTokyo() {
        Instant elevenPmTokyo = Instant.parse("2025-06-02T14:00:00Z");
        SendRules.DailySends none = new SendRules.DailySends(0, 10);

        SendRules.Deferral deferral = SendRules.check(RemediationPolicy.DEFAULT, elevenPmTokyo, none).orElseThrow();

        assertThat(deferral.cause()).isEqualTo(SendRules.Cause.QUIET_HOURS);
        assertThat(deferral.until()).isEqualTo(Instant.parse("2025-06-02T23:00:00Z")); // 08:00 Tuesday in Tokyo
        assertThat(SendRules.check(RemediationPolicy.DEFAULT, MONDAY_10_TOKYO, none)).isEmpty();
    }

    @Test
    void dailyCapIsSharedEvenlyOverPartitionsAndResetsNextTokyoDay() {
        RemediationPolicy capFour = new RemediationPolicy(List.of(Duration.ofDays(3)), Duration.ofDays(14),
                QuietHours.TOKYO_NIGHT, 4, 10);
        SendWindow window = new SendWindow(store(Serdes.String(), Serdes.Long()), 2);

        window.recordSent("nifty", capFour, MONDAY_10_TOKYO);
        boolean firstAllowed = SendRules.check(capFour, MONDAY_10_TOKYO, sends(window, "nifty", capFour, MONDAY_10_TOKYO))
                .isEmpty();
        window.recordSent("nifty", capFour, MONDAY_10_TOKYO);
        SendRules.Deferral capped = SendRules.check(capFour, MONDAY_10_TOKYO,
                sends(window, "nifty", capFour, MONDAY_10_TOKYO)).orElseThrow();

        assertThat(window.dailyShare(capFour)).isEqualTo(2);
        assertThat(firstAllowed).isTrue();
        assertThat(capped.cause()).isEqualTo(SendRules.Cause.DAILY_CAP);
        assertThat(capped.until()).isEqualTo(Instant.parse("2025-06-02T23:00:00Z"));
        assertThat(window.sentToday("other", capFour, MONDAY_10_TOKYO)).isZero();
        assertThat(SendRules.check(capFour, capped.until(), sends(window, "nifty", capFour, capped.until()))).isEmpty();
    }

    private static SendRules.DailySends sends(SendWindow window, String tenant, RemediationPolicy policy, Instant now) {
        return new SendRules.DailySends(window.sentToday(tenant, policy, now), window.dailyShare(policy));
    }

    @Test
    void campaignClockRunsADayPerMinuteAtSpeed1440() {
        Instant start = Instant.parse("2025-06-01T00:00:00Z");
        CampaignClock clock = new CampaignClock(start, 1440);

        Instant oneMinuteLater = clock.toCampaign(start.plusSeconds(60).toEpochMilli());

        assertThat(oneMinuteLater).isEqualTo(start.plus(Duration.ofDays(1)));
        assertThat(clock.toWall(start.plus(Duration.ofDays(7)))).isEqualTo(start.plus(Duration.ofMinutes(7)));
        assertThat(CampaignClock.realTime().toCampaign(12345L)).isEqualTo(Instant.ofEpochMilli(12345L));
    }
}
