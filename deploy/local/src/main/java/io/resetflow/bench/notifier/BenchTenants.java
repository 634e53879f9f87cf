package io.resetflow.bench.notifier;

import io.resetflow.core.tenant.TenantsLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bundled six ISPs with a default policy whose per-tenant rate and daily cap are far above what
 * one relay takes, so pacing is never what the benchmark measures.
 */
final class BenchTenants {

    static final double RATE_PER_SECOND = 100_000;
    static final long DAILY_CAP = 1_000_000_000L;

    private BenchTenants() {
    }

    static Path write(Path dir) {
        String defaults = "defaults:\n  policy:\n    sendRatePerSecond: " + RATE_PER_SECOND + "\n    dailySendCap: "
                + DAILY_CAP + "\n";
        try (InputStream bundled = TenantsLoader.class.getResourceAsStream("/tenants.yaml")) {
            if (bundled == null) {
                throw new IllegalStateException("the bundled tenants.yaml is missing from the classpath");
            }
            Path file = dir.resolve("bench-tenants.yaml");
            Files.writeString(file, defaults + new String(bundled.readAllBytes(), StandardCharsets.UTF_8));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the benchmark tenants file", e);
        }
    }
}
