package io.resetflow.tracker.reconcile;

import io.resetflow.core.access.ServiceIds;
import io.resetflow.core.access.command.AdminOptions;
import io.resetflow.core.config.CommonConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code resetflow reconcile}: proves, from the topics alone, that every mailbox was handled; exits 0
 * only when nothing disagrees.
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = {"Reads every topic that says what happened to a mailbox (read-committed, up to one instant) "
                + "and proves that every accepted mailbox is in exactly one state, every notice has one final "
                + "outcome, every command is answered, followed up or escalated, and the counters equal a recount.",
                "Exit code: 0 clean, 1 mismatches found, 2 could not reconcile."})
public final class ReconcileCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AdminOptions admin;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the result as JSON to FILE.")
    Path out;

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

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        try {
            CommonConfig config = admin.settings();
            Map<String, Object> values = config.originals();
            ServiceIds services = new ServiceIds(
                    String.valueOf(values.getOrDefault("intake.application.id", ServiceIds.DEFAULT.intakeApplication())),
                    String.valueOf(values.getOrDefault("tracker.application.id", ServiceIds.DEFAULT.trackerApplication())),
                    String.valueOf(values.getOrDefault("notifier.group.id", ServiceIds.DEFAULT.notifierGroup())),
                    ServiceIds.DEFAULT.notifierTransactionalPrefix());
            ReconcileSettings settings = new ReconcileSettings(config.topicNames(), config.tenants(),
                    config.mailboxIdSecret(), admin.adminProperties(config), config.schemaRegistryUrl(), services,
                    workDir, settle, overdueGrace, maxListed, !noBreachRows);
            ReconcileResult result = new Reconciler(settings).run();
            ReconcileTable.print(result, stdout);
            if (out != null) {
                ReconcileJson.write(result, out);
                stdout.println("Written to " + out);
            }
            stdout.flush();
            return result.clean() ? 0 : 1;
        } catch (Exception e) {
            spec.commandLine().getErr().println("reconcile failed: " + e.getMessage());
            return 2;
        }
    }
}
