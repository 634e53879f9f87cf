package io.resetflow.tracker.progress;

import java.time.Instant;

/** Keys of the progress history: {@code tenant|minute}, the minute zero-padded so keys sort by time. */
public final class HistoryKeys {

    private HistoryKeys() {
    }

    public static String key(String tenant, Instant at) {
        return String.format("%s|%012d", tenant, Math.max(0, at.getEpochSecond() / 60));
    }
}
