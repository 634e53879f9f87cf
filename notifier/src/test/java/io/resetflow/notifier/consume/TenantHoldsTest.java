package io.resetflow.notifier.consume;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import io.resetflow.avro.NotificationRequest;
import io.resetflow.core.tenant.QuietHours;
import io.resetflow.core.tenant.RemediationPolicy;
import io.resetflow.core.tenant.Tenant;
import io.resetflow.core.tenant.TenantMail;
import io.resetflow.core.time.CampaignClock;
import io.resetflow.core.time.CampaignTime;
import io.resetflow.notifier.Requests;
import io.resetflow.notifier.pacing.RateLimits;
import io.resetflow.notifier.pacing.RelayHolds;
import io.resetflow.notifier.pacing.SendGate;
import io.resetflow.notifier.pacing.TenantSwitches;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Each held tenant has exactly its own partitions paused, for each cause, and resumed when it ends. */
class TenantHoldsTest {

    /** 10:00 in Tokyo. */
    private static final Clock DAYTIME = Clock.fixed(Instant.parse("2025-06-17T01:00:00Z"), ZoneOffset.UTC);
    private static final TopicPartition NIFTY_0 = new TopicPartition("notify.requests.nifty", 0);
    private static final TopicPartition NIFTY_1 = new TopicPartition("notify.requests.nifty", 1);
    private static final TopicPartition JCOM_0 = new TopicPartition("notify.requests.jcom", 0);
    private static final TopicPartition JCOM_1 = new TopicPartition("notify.requests.jcom", 1);

    private final AtomicReference<Instant> elapsed = new AtomicReference<>(Instant.EPOCH);
    private final TenantSwitches switches = new TenantSwitches(List.of());
    private final RelayHolds relays = new RelayHolds(Duration.ofSeconds(30), Duration.ofMinutes(5), elapsed::get);
    private final InFlight inFlight = new InFlight();
    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    private final List<Tenant> tenants = List.of(tenant("nifty", QuietHours.TOKYO_NIGHT),
            tenant("jcom", new QuietHours(LocalTime.of(9, 0), LocalTime.of(11, 0), QuietHours.TOKYO)));
    private final CampaignTime time = new CampaignTime(CampaignClock.realTime(), DAYTIME);
    private final TenantHolds holds = new TenantHolds(tenants,
            Map.of("notify.requests.nifty", "nifty", "notify.requests.jcom", "jcom"), switches,
            new SendGate(switches, time, new RateLimits(tenants, 1_000, TimeMeter.SYSTEM_NANOTIME), relays,
                    Duration.ofSeconds(1)),
            relays, inFlight, 2);

    TenantHoldsTest() {
        consumer.assign(List.of(NIFTY_0, NIFTY_1, JCOM_0, JCOM_1));
    }

    @Test
    void pausesOnlyThePartitionsOfATenantInItsQuietHours() {
        // Given jcom quiet 09:00-11:00 Tokyo and it is 10:00
        holds.apply(consumer);

        assertThat(consumer.paused()).containsExactlyInAnyOrder(JCOM_0, JCOM_1);
        assertThat(holds.isHeld("jcom", HoldCause.QUIET_HOURS)).isTrue();
        assertThat(holds.admits("nifty")).isTrue();
        assertThat(holds.admits("jcom")).isFalse();
    }

    @Test
    void pausesAndResumesAnOperatorPausedTenant() {
        switches.pause("nifty");
        holds.apply(consumer);
        assertThat(consumer.paused()).contains(NIFTY_0, NIFTY_1);
        assertThat(holds.isHeld("nifty", HoldCause.PAUSED)).isTrue();

        switches.resume("nifty");
        holds.apply(consumer);
        assertThat(consumer.paused()).doesNotContain(NIFTY_0, NIFTY_1);
        assertThat(holds.isHeld("nifty", HoldCause.PAUSED)).isFalse();
    }

    @Test
    void pausesATenantWhoseWindowIsFullUntilOneOfItsRequestsFinishes() {
        inFlight.add(delivery("nifty", "a", NIFTY_0));
        inFlight.add(delivery("nifty", "b", NIFTY_1));
        holds.apply(consumer);
        assertThat(consumer.paused()).contains(NIFTY_0, NIFTY_1);
        assertThat(holds.isHeld("nifty", HoldCause.WINDOW)).isTrue();

        inFlight.remove("a:initial_notice:0");
        holds.apply(consumer);
        assertThat(consumer.paused()).doesNotContain(NIFTY_0, NIFTY_1);
    }

    @Test
    void keepsAHeldRelaysTenantPausedWhileItBacksOffAndLetsOneRequestInToProbeIt() {
        // Given nifty's relay held, nothing of nifty in memory
        relays.failed("nifty", RelayHolds.Reason.UNREACHABLE);
        holds.apply(consumer);
        assertThat(consumer.paused()).contains(NIFTY_0, NIFTY_1);
        assertThat(holds.isHeld("nifty", HoldCause.RELAY)).isTrue();

        // When the back-off is over, a request is read to probe the relay
        elapsed.set(elapsed.get().plusSeconds(30));
        holds.apply(consumer);
        assertThat(consumer.paused()).doesNotContain(NIFTY_0, NIFTY_1);

        // and once one is in memory, nifty is paused again until the probe succeeds
        inFlight.add(delivery("nifty", "probe", NIFTY_0));
        holds.apply(consumer);
        assertThat(consumer.paused()).contains(NIFTY_0, NIFTY_1);
    }

    private static Delivery delivery(String tenant, String mailbox, TopicPartition source) {
        NotificationRequest request = Requests.initial(tenant, mailbox, mailbox + "@example.jp");
        return new Delivery(request, source, 0, tenant);
    }

    private static Tenant tenant(String id, QuietHours quiet) {
        RemediationPolicy policy = new RemediationPolicy(List.of(Duration.ofDays(3)), Duration.ofDays(14), quiet,
                1_000_000, 1_000);
        return new Tenant(id, id, id, List.of(), List.of(), 0, new TenantMail("a@b.jp", "a@b.jp", "0120", List.of()),
                policy);
    }
}
