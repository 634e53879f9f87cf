package io.resetflow.bench.tracker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bundled six ISPs with one benchmark policy for all: the default reminders (3 and 7 days) and
 * deadline (14 days) and quiet hours, but a daily send cap above the number of mailboxes, so that on the
 * reminder day every open mailbox is due at once instead of being spread over days by the cap.
 */
final class BenchTenants {

    private BenchTenants() {
    }

    static Path write(Path dir, long mailboxes) {
        try (InputStream bundled = BenchTenants.class.getResourceAsStream("/tenants.yaml")) {
            String tenants = new String(bundled.readAllBytes(), StandardCharsets.UTF_8);
            String defaults = """
                    defaults:
                      policy:
                        reminderOffsets: [P3D, P7D]
                        deadline: P14D
                        quietHours: "21:00-08:00"
                        dailySendCap: %d
                    """.formatted(Math.max(1_000_000L, mailboxes * 10));
            return Files.writeString(dir.resolve("bench-tenants.yaml"), defaults + tenants);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
