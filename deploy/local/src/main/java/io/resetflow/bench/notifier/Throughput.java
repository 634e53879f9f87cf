package io.resetflow.bench.notifier;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * One measured row: mails accepted in a time, and, for the notifier, the request-to-outcome latencies
 * in milliseconds.
 */
record Throughput(long mails, double seconds, long failed, long[] latenciesMillis) {

    static Throughput of(long mails, long startNanos, long endNanos) {
        return new Throughput(mails, (endNanos - startNanos) / 1e9, 0, new long[0]);
    }

    double perSecond() {
        return mails / seconds;
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
