package io.resetflow.tracker.reconcile;

import io.resetflow.core.access.ServiceIds;
import io.resetflow.core.access.command.AdminOptions;
import io.resetflow.core.config.CommonConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How reconcile and report reach the cluster and read it: the same options for both. */
public final class ReconcileOptions {

    @Mixin
    AdminOptions admin;

    @Option(names = "--work-dir", paramLabel = "DIR", defaultValue = "${java.io.tmpdir}",
            description = "Where the sorted spill of facts goes while it runs (default ${DEFAULT-VALUE}); "
                    + "about 100 bytes per record read.")
    Path workDir;

    @Option(names = "--settle", defaultValue = "PT10S",
            description = "How long to wait for the tracker's counters to catch up (default ${DEFAULT-VALUE}).")
    Duration settle;

    @Option(names = "--overdue-grace", defaultValue = "PT24H",
            description = "Campaign time a command may stay past its answer time before it counts as unanswered "
                    + "(default ${DEFAULT-VALUE}).")
    Duration overdueGrace;

    @Option(names = "--max-listed", defaultValue = "10000",
            description = "Mismatches listed in full in the JSON file; all are counted (default ${DEFAULT-VALUE}).")
    int maxListed;

    @Option(names = "--no-breach-rows",
            description = "The accepted mailboxes were written to remediation.intake directly, not imported (a tracker "
                    + "benchmark): skip the checks of rows, duplicates and rejections.")
    boolean noBreachRows;

    private CommonConfig config;

    /** The deployment's settings (--config, the environment, the flags). */
    public CommonConfig config() {
        if (config == null) {
            config = admin.settings();
        }
        return config;
    }

    /** A setting of another service (the tracker's or notifier's), as the settings file gives it. */
    public String setting(String key, String fallback) {
        Object value = config().originals().get(key);
        return value == null || String.valueOf(value).isBlank() ? fallback : String.valueOf(value);
    }

    public ReconcileSettings settings() {
        CommonConfig settings = config();
        ServiceIds services = new ServiceIds(
                setting("intake.application.id", ServiceIds.DEFAULT.intakeApplication()),
                setting("tracker.application.id", ServiceIds.DEFAULT.trackerApplication()),
                setting("notifier.group.id", ServiceIds.DEFAULT.notifierGroup()),
                ServiceIds.DEFAULT.notifierTransactionalPrefix());
        Map<String, Object> client = admin.adminProperties(settings);
        return new ReconcileSettings(settings.topicNames(), settings.tenants(), settings.mailboxIdSecret(), client,
                settings.schemaRegistryUrl(), services, workDir, settle, overdueGrace, maxListed, !noBreachRows);
    }
}
