package io.resetflow.bench.tracker;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * A paced query load on the tracker's API: mailbox lookups of random known mailboxes and progress
 * queries, each at a fixed rate on its own threads, recording every request's latency.
 */
final class QueryLoad implements AutoCloseable {

    /**
     * Latencies of one kind of request, over the successful (200) responses only: a quick 503 or a
     * failed connection would otherwise lower the percentiles. The failures are counted beside them.
     */
    static final class Latencies {
        private final long[] nanos;
        private final AtomicLong requests = new AtomicLong();
        private final AtomicLong succeeded = new AtomicLong();
        private final AtomicLong unavailable = new AtomicLong();
        private final AtomicLong errors = new AtomicLong();

        Latencies(int capacity) {
            nanos = new long[capacity];
        }

        /** {@code status} is the HTTP status, or 0 when no response came. */
        void record(long latencyNanos, int status) {
            requests.incrementAndGet();
            if (status == 200) {
                long slot = succeeded.getAndIncrement();
                if (slot < nanos.length) {
                    nanos[(int) slot] = latencyNanos;
                }
            } else if (status == 503) {
                unavailable.incrementAndGet();
            } else {
                errors.incrementAndGet();
            }
        }

        Summary summary() {
            int n = (int) Math.min(succeeded.get(), nanos.length);
            long[] sorted = Arrays.copyOf(nanos, n);
            Arrays.sort(sorted);
            return new Summary(requests.get(), succeeded.get(), unavailable.get(), errors.get(), millis(sorted, 0.50),
                    millis(sorted, 0.99), n == 0 ? Double.NaN : sorted[n - 1] / 1e6);
        }

        private static double millis(long[] sorted, double quantile) {
            return sorted.length == 0 ? Double.NaN
                    : sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
        }
    }

    /** Percentiles over the {@code succeeded} responses; {@code unavailable} were 503, {@code errors} anything else. */
    record Summary(long requests, long succeeded, long unavailable, long errors, double p50Millis, double p99Millis,
                   double maxMillis) {
    }

    private static final int CAPACITY = 2_000_000;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService threads;
    private final String authorization;
    private final Latencies lookups = new Latencies(CAPACITY);
    private final Latencies progress = new Latencies(CAPACITY);

    /**
     * {@code lookupsPerSecond} GET /api/mailboxes/{id} of {@code mailboxIdAt.apply(random index below
     * knownMailboxes)} and {@code progressPerSecond} GET /api/tenants against {@code baseUrl}.
     */
    QueryLoad(String baseUrl, String token, long knownMailboxes, LongFunction<String> mailboxIdAt, int lookupThreads,
              int lookupsPerSecond, int progressPerSecond) {
        this.authorization = "Bearer " + token;
        threads = Executors.newScheduledThreadPool(lookupThreads + 1, r -> {
            Thread thread = new Thread(r, "bench-query-load");
            thread.setDaemon(true);
            return thread;
        });
        long lookupPeriod = TimeUnit.SECONDS.toNanos(1) * lookupThreads / Math.max(1, lookupsPerSecond);
        for (int t = 0; t < lookupThreads; t++) {
            threads.scheduleAtFixedRate(() -> timed(lookups, URI.create(baseUrl + "/api/mailboxes/"
                    + mailboxIdAt.apply(ThreadLocalRandom.current().nextLong(knownMailboxes)))),
                    t * lookupPeriod / lookupThreads, lookupPeriod, TimeUnit.NANOSECONDS);
        }
        URI tenants = URI.create(baseUrl + "/api/tenants");
        threads.scheduleAtFixedRate(() -> timed(progress, tenants), 0,
                TimeUnit.SECONDS.toNanos(1) / Math.max(1, progressPerSecond), TimeUnit.NANOSECONDS);
    }

    Summary lookups() {
        return lookups.summary();
    }

    Summary progress() {
        return progress.summary();
    }

    private void timed(Latencies into, URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization).GET().build();
        long start = System.nanoTime();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
        } catch (Exception e) {
            status = 0;
        }
        into.record(System.nanoTime() - start, status);
    }

    @Override
    public void close() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(15, TimeUnit.SECONDS);
    }
}
