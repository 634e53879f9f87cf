package io.resetflow.notifier.pacing;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.resetflow.core.tenant.Tenant;
import io.resetflow.core.time.CampaignClock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets: one per tenant (its policy's rate and daily cap) and one for the whole notifier. A
 * mail may go only when both grant a token; otherwise the caller learns how long to wait. A relay's
 * 421/450 halves that tenant's rate; each accepted mail wins back 2% of it, up to the configured rate.
 */
public final class RateLimits {

    private static final double SLOWEST_RATE = 0.1;
    private static final double RECOVERY_FACTOR = 1.02;

    private final TimeMeter time;
    private final Duration campaignDay;
    private final Bucket global;
    private final double globalRate;
    private final Map<String, TenantBucket> tenants = new ConcurrentHashMap<>();

    public RateLimits(Collection<Tenant> tenantList, double globalRatePerSecond, TimeMeter time) {
        this(tenantList, globalRatePerSecond, time, CampaignClock.realTime());
    }

    /** The daily cap refills once a campaign day, which lasts {@code 1 day / speed} on the wall clock. */
    public RateLimits(Collection<Tenant> tenantList, double globalRatePerSecond, TimeMeter time, CampaignClock campaign) {
        this.time = time;
        this.campaignDay = campaign.toWall(Duration.ofDays(1));
        this.globalRate = globalRatePerSecond;
        this.global = Bucket.builder().withCustomTimePrecision(time).addLimit(perSecond(globalRatePerSecond)).build();
        for (Tenant tenant : tenantList) {
            tenants.put(tenant.id(), new TenantBucket(tenant.policy().sendRatePerSecond(), tenant.policy().dailySendCap()));
        }
    }

    /** Takes a token for one mail of the tenant; returns ZERO when granted, else how long to wait. */
    public Duration tryAcquire(String tenant) {
        TenantBucket bucket = tenants.get(tenant);
        ConsumptionProbe own = bucket.bucket.tryConsumeAndReturnRemaining(1);
        if (!own.isConsumed()) {
            return Duration.ofNanos(Math.max(1, own.getNanosToWaitForRefill()));
        }
        ConsumptionProbe shared = global.tryConsumeAndReturnRemaining(1);
        if (!shared.isConsumed()) {
            bucket.bucket.addTokens(1);
            return Duration.ofNanos(Math.max(1, shared.getNanosToWaitForRefill()));
        }
        return Duration.ZERO;
    }

    public void slowDown(String tenant) {
        tenants.get(tenant).scale(0.5);
    }

    public void accepted(String tenant) {
        tenants.get(tenant).scale(RECOVERY_FACTOR);
    }

    /** The rate the tenant is paced at now, in mails per second. */
    public double currentRate(String tenant) {
        return tenants.get(tenant).current;
    }

    /** The tenant's configured rate, in mails per second. */
    public double limit(String tenant) {
        return tenants.get(tenant).configured;
    }

    public double globalLimit() {
        return globalRate;
    }

    public long availableTokens(String tenant) {
        return tenants.get(tenant).bucket.getAvailableTokens();
    }

    private static Bandwidth perSecond(double rate) {
        // A bucket holds at least one token; fractional rates refill one token every 1/rate seconds.
        long capacity = Math.max(1, (long) Math.ceil(rate));
        long period = Math.max(1, Math.round(capacity / rate * 1_000_000_000d));
        return Bandwidth.builder().capacity(capacity).refillGreedy(capacity, Duration.ofNanos(period)).build();
    }

    private final class TenantBucket {

        private final double configured;
        private final long dailyCap;
        private final Bucket bucket;
        private volatile double current;

        TenantBucket(double rate, long dailyCap) {
            this.configured = rate;
            this.current = rate;
            this.dailyCap = dailyCap;
            this.bucket = Bucket.builder().withCustomTimePrecision(time).addLimit(perSecond(rate))
                    .addLimit(daily()).build();
        }

        private Bandwidth daily() {
            return Bandwidth.builder().capacity(dailyCap).refillIntervally(dailyCap, campaignDay)
                    .id("daily").build();
        }

        synchronized void scale(double factor) {
            double next = Math.max(SLOWEST_RATE, Math.min(configured, current * factor));
            if (next == current) {
                return;
            }
            current = next;
            bucket.replaceConfiguration(BucketConfiguration.builder().addLimit(perSecond(next)).addLimit(daily()).build(),
                    TokensInheritanceStrategy.AS_IS);
        }
    }
}
