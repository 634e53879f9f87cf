package io.resetflow.core.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;

/** A rate limit per caller (per token), for requests that reveal something about one person. */
public final class CallerRateLimits {

    private final long perMinute;
    private final Cache<String, Bucket> buckets =
            Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).maximumSize(10_000).build();

    public CallerRateLimits(long perMinute) {
        this.perMinute = perMinute;
    }

    /** Takes one request from the caller's allowance; false when it is used up for now. */
    public boolean tryAcquire(Caller caller) {
        return buckets.get(caller.name() + "|" + caller.roleText(), key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build()).tryConsume(1);
    }
}
