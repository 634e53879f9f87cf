package io.resetflow.core.tenant;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Reads the tenant list from YAML: the bundled {@code tenants.yaml}, or an operator's file.
 * A tenant without a {@code policy} takes the file's {@code defaults.policy}, else the built-in one.
 */
public final class TenantsLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    record PolicyFile(List<String> reminderOffsets, String deadline, String quietHours, String zone, Long dailySendCap,
                      Double sendRatePerSecond, String commandAnswerTimeout, Integer commandAttempts,
                      RemediationPolicy.InactiveAccounts inactiveAccounts) {
    }

    record TenantFile(String id, String name, String nameJa, List<String> brands, List<String> domains,
                      Double share, TenantMail mail, PolicyFile policy) {
    }

    record Defaults(PolicyFile policy) {
    }

    record TenantsFile(Defaults defaults, List<TenantFile> tenants) {
    }

    private TenantsLoader() {
    }

    public static Tenants bundled() {
        try (InputStream in = TenantsLoader.class.getResourceAsStream("/tenants.yaml")) {
            return parse(in, "tenants.yaml (bundled)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The operator's file if a path is given, else the bundled list. */
    public static Tenants load(Optional<Path> file) {
        if (file.isEmpty()) {
            return bundled();
        }
        try (InputStream in = Files.newInputStream(file.get())) {
            return parse(in, file.get().toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read tenants file " + file.get() + ": " + e.getMessage(), e);
        }
    }

    static Tenants parse(InputStream in, String origin) {
        TenantsFile parsed;
        try {
            parsed = YAML.readValue(in, TenantsFile.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid tenants file " + origin + ": " + e.getMessage(), e);
        }
        if (parsed == null || parsed.tenants() == null) {
            throw new IllegalArgumentException("tenants file " + origin + " lists no tenants");
        }
        RemediationPolicy defaults = parsed.defaults() == null || parsed.defaults().policy() == null
                ? RemediationPolicy.DEFAULT
                : policy(parsed.defaults().policy(), RemediationPolicy.DEFAULT);
        return new Tenants(parsed.tenants().stream().map(t -> new Tenant(t.id(), t.name(),
                t.nameJa() == null ? t.name() : t.nameJa(), t.brands(), t.domains(),
                t.share() == null ? 0 : t.share(), t.mail(),
                t.policy() == null ? defaults : policy(t.policy(), defaults))).toList());
    }

    private static RemediationPolicy policy(PolicyFile file, RemediationPolicy fallback) {
        List<Duration> offsets = file.reminderOffsets() == null ? fallback.reminderOffsets()
                : file.reminderOffsets().stream().map(Duration::parse).toList();
        Duration deadline = file.deadline() == null ? fallback.deadline() : Duration.parse(file.deadline());
        ZoneId zone = file.zone() == null ? fallback.quietHours().zone() : ZoneId.of(file.zone());
        QuietHours quiet = file.quietHours() == null
                ? new QuietHours(fallback.quietHours().from(), fallback.quietHours().until(), zone)
                : QuietHours.parse(file.quietHours(), zone);
        return new RemediationPolicy(offsets, deadline, quiet,
                file.dailySendCap() == null ? fallback.dailySendCap() : file.dailySendCap(),
                file.sendRatePerSecond() == null ? fallback.sendRatePerSecond() : file.sendRatePerSecond(),
                file.commandAnswerTimeout() == null ? fallback.commandAnswerTimeout()
                        : Duration.parse(file.commandAnswerTimeout()),
                file.commandAttempts() == null ? fallback.commandAttempts() : file.commandAttempts(),
                file.inactiveAccounts() == null ? fallback.inactiveAccounts() : file.inactiveAccounts());
    }
}
