package io.resetflow.local;

import java.nio.file.Path;

/**
 * Where the local stack keeps its data, which loopback ports it listens on (0 = any free port),
 * the size of the sample breach and how fast the simulated campaign runs.
 */
public record LocalStackSettings(Path dataDir, Ports ports, int mailboxes, long seed, int daySeconds) {

    /** Loopback ports of the stack's servers. */
    public record Ports(int kafka, int registry, int http, int smtp, int imap, int outbox) {

        public static Ports anyFree() {
            return new Ports(0, 0, 0, 0, 0, 0);
        }
    }

    public LocalStackSettings {
        if (mailboxes < 0 || mailboxes > 14_220_000) {
            throw new IllegalArgumentException("--mailboxes must lie between 0 and 14220000");
        }
        if (daySeconds < 1) {
            throw new IllegalArgumentException("--day-seconds must be at least 1");
        }
    }

    /** Campaign seconds per wall-clock second. */
    public double clockSpeed() {
        return 86_400.0 / daySeconds;
    }
}
