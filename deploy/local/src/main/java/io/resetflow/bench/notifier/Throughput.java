package io.resetflow.bench.notifier;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * One measured row: mails handled in a time (of which {@code failed} were not accepted by the sink and
 * do not count as sent), and, for the notifier, the request-to-outcome latencies in milliseconds.
 */
record Throughput(long mails, double seconds, long failed, long[] latenciesMillis) {

    static Throughput of(long mails, long startNanos, long endNanos) {
        return new Throughput(mails, (endNanos - startNanos) / 1e9, 0, new long[0]);
    }

    /** Mails the sink accepted, per second; failed ones are not sent. */
    double perSecond() {
        return (mails - failed) / seconds;
    }

    OptionalDouble percentileMillis(double percentile) {
        if (latenciesMillis.length == 0) {
            return OptionalDouble.empty();
        }
        long[] sorted = latenciesMillis.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
        return OptionalDouble.of(sorted[Math.max(0, rank)]);
    }
}
