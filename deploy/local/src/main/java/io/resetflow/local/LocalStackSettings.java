package io.resetflow.local;

import java.nio.file.Path;

/** Where the local stack keeps its data and which loopback ports it listens on (0 = any free port). */
public record LocalStackSettings(Path dataDir, int kafkaPort, int registryPort, int httpPort, int smtpPort,
                                 int mailboxes, long seed, int daySeconds) {
}
