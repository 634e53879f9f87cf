package io.resetflow.tracker.timers;

import java.time.Duration;
import org.apache.kafka.common.utils.Time;

/**
 * How much one timer tick of one task may do: at most {@code maxEntries} due entries and about
 * {@code budget} of the stream thread's time, whichever comes first. The time budget is what keeps a
 * day on which millions of timers fall due from starving polling and commits; the count keeps any one
 * transaction small. Elapsed time is measured, not campaign time: it bounds cost, not the schedule.
 */
public record TickBound(int maxEntries, Duration budget, Time time) {

    public TickBound {
        if (maxEntries < 1 || budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("a tick must be allowed at least one entry and some time");
        }
    }

    public Budget start() {
        return new Budget(time.nanoseconds() + budget.toNanos());
    }

    /** The bound of one tick in progress. */
    public final class Budget {

        private final long deadlineNanos;

        private Budget(long deadlineNanos) {
            this.deadlineNanos = deadlineNanos;
        }

        /** Whether the tick may go on after {@code handled} entries. */
        public boolean allows(int handled) {
            return handled < maxEntries && time.nanoseconds() < deadlineNanos;
        }

        public int remaining(int handled) {
            return maxEntries - handled;
        }
    }
}
