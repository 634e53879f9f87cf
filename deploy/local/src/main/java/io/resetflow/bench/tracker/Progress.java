package io.resetflow.bench.tracker;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/** Waits for a count to reach its target, giving up when it stops moving for too long. */
final class Progress {

    private static final long POLL_NANOS = Duration.ofMillis(50).toNanos();

    private Progress() {
    }

    /** Returns true once {@code count} reaches {@code target}; false if it did not move for {@code stall}. */
    static boolean await(LongSupplier count, long target, Duration stall) {
        long last = -1;
        long lastMoved = System.nanoTime();
        while (true) {
            long now = count.getAsLong();
            if (now >= target) {
                return true;
            }
            if (now != last) {
                last = now;
                lastMoved = System.nanoTime();
            } else if (System.nanoTime() - lastMoved > stall.toNanos()) {
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
