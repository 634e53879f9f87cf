package io.resetflow.notifier.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import io.resetflow.core.tenant.QuietHours;
import io.resetflow.core.tenant.RemediationPolicy;
import io.resetflow.core.tenant.Tenant;
import io.resetflow.core.tenant.TenantMail;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    /** Time that only moves when the test says so. */
    private static final class ManualTime implements TimeMeter {
        long nanos;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    private final ManualTime time = new ManualTime();

    private static Tenant tenant(String id, double ratePerSecond, long dailyCap) {
        RemediationPolicy policy = new RemediationPolicy(List.of(Duration.ofDays(3)), Duration.ofDays(14),
                QuietHours.TOKYO_NIGHT, dailyCap, ratePerSecond);
        return new Tenant(id, id, id, List.of(), List.of(), 0, new TenantMail("a@b.jp", "a@b.jp", "0120", List.of()), policy);
    }

    @Test
    void grantsTheTenantsRateAndNamesTheWaitForTheNextMail() {
        RateLimits limits = new RateLimits(List.of(tenant("a", 2, 1_000)), 1_000, time);

        assertThat(limits.tryAcquire("a")).isZero();
        assertThat(limits.tryAcquire("a")).isZero();
        Duration wait = limits.tryAcquire("a");

        assertThat(wait).isEqualTo(Duration.ofMillis(500));
        time.nanos += wait.toNanos();
        assertThat(limits.tryAcquire("a")).isZero();
    }

    @Test
    void theGlobalLimitCapsAllTenantsTogetherWithoutTakingATenantsToken() {
        RateLimits limits = new RateLimits(List.of(tenant("a", 100, 1_000), tenant("b", 100, 1_000)), 3, time);

        assertThat(limits.tryAcquire("a")).isZero();
        assertThat(limits.tryAcquire("b")).isZero();
        assertThat(limits.tryAcquire("a")).isZero();
        long tokensBefore = limits.availableTokens("b");

        assertThat(limits.tryAcquire("b")).isPositive();
        assertThat(limits.availableTokens("b")).isEqualTo(tokensBefore);
    }

    @Test
    void stopsAtTheDailyCapUntilTheDayHasPassed() {
        RateLimits limits = new RateLimits(List.of(tenant("a", 1_000, 3)), 1_000, time);
        for (int i = 0; i < 3; i++) {
            assertThat(limits.tryAcquire("a")).isZero();
        }

        Duration wait = limits.tryAcquire("a");

        assertThat(wait).isGreaterThan(Duration.ofHours(23));
    }

    @Test
    void halvesATenantsRateWhenTheRelayAsksToSlowDownAndWinsItBackSlowly() {
        RateLimits limits = new RateLimits(List.of(tenant("a", 100, 1_000_000)), 1_000, time);

        limits.slowDown("a");
        assertThat(limits.currentRate("a")).isEqualTo(50);
        limits.accepted("a");
        assertThat(limits.currentRate("a")).isEqualTo(51);
        for (int i = 0; i < 200; i++) {
            limits.accepted("a");
        }
        assertThat(limits.currentRate("a")).isEqualTo(100);
        assertThat(limits.limit("a")).isEqualTo(100);
    }

    @Test
    void aSlowedTenantIsGrantedFewerMailsPerSecond() {
        RateLimits limits = new RateLimits(List.of(tenant("a", 10, 1_000_000)), 1_000, time);
        limits.slowDown("a");
        time.nanos += Duration.ofSeconds(5).toNanos();

        int granted = 0;
        while (limits.tryAcquire("a").isZero()) {
            granted++;
        }

        assertThat(granted).isEqualTo(5);
    }
}
