package io.resetflow.tracker.domain;

import io.resetflow.avro.Priority;
import java.time.Duration;
import java.time.Instant;

/**
 * When a mailbox's initial notice may go: at once, or in priority waves counted from the campaign
 * start (URGENT in the first wave, HIGH one interval later, NORMAL two), so the plaintext-password
 * accounts are told first when the daily cap cannot cover everyone on day one.
 */
public record InitialNoticePlan(Mode mode, Instant campaignStart, Duration waveInterval) {

    public enum Mode { IMMEDIATE, WAVES }

    public static InitialNoticePlan immediate() {
        return new InitialNoticePlan(Mode.IMMEDIATE, Instant.EPOCH, Duration.ZERO);
    }

    public Instant earliest(Priority priority, Instant affectedAt) {
        if (mode == Mode.IMMEDIATE) {
            return affectedAt;
        }
        Instant wave = campaignStart.plus(waveInterval.multipliedBy(wave(priority)));
        return wave.isAfter(affectedAt) ? wave : affectedAt;
    }

    static int wave(Priority priority) {
        return switch (priority) {
            case URGENT, LOCK -> 0;
            case HIGH -> 1;
            case NORMAL -> 2;
        };
    }
}
