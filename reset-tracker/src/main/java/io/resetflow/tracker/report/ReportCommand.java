package io.resetflow.tracker.report;

import io.resetflow.tracker.reconcile.ReconcileOptions;
import io.resetflow.tracker.reconcile.ReconcileResult;
import io.resetflow.tracker.reconcile.Reconciler;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code resetflow report}: the regulator's and the ISPs' report, from a reconciliation run now, as
 * CSV, JSON or a printable HTML page.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Reconciles, then writes the report owed to the regulator and the ISPs: the incident, intake, "
                + "every ISP's mailboxes by state, reason, lifecycle and credential storage, deliveries, notices, "
                + "commands, milestones and a burn-down. Counts only; no address.",
                "Interim until every mailbox is remediated or escalated and the reconciliation is clean; final then.",
                "Exit code: 0 written (clean), 1 written but the reconciliation found mismatches, 2 not written."})
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ReconcileOptions options;

    @Option(names = "--tenant", defaultValue = RegulatorReport.ALL,
            description = "One ISP's id, or all (default): a section per ISP and one over all of them.")
    String tenant;

    @Option(names = "--format", defaultValue = "html", converter = FormatConverter.class,
            description = "csv, json or html (default ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the report.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        try {
            ReconcileResult reconciled = new Reconciler(options.settings()).run();
            Incident incident = new Incident(instant(options.setting("tracker.breach.cutoff", "")),
                    instant(options.setting("campaign.start", "")), options.config().tenants());
            RegulatorReport report = RegulatorReport.of(reconciled, incident, tenant);
            write(report, format, out);
            stdout.printf("%s report (%s) of %s as of %s written to %s%s%n", report.kind(), format, tenant,
                    report.asOf(), out, reconciled.clean() ? "" : "; reconciliation found "
                            + reconciled.mismatchCount() + " mismatches (run reconcile for the list)");
            return reconciled.clean() ? 0 : 1;
        } catch (Exception e) {
            spec.commandLine().getErr().println("report failed: " + e.getMessage());
            return 2;
        }
    }

    public static void write(RegulatorReport report, ReportFormat format, Path file) throws java.io.IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, format.render(report), StandardCharsets.UTF_8);
    }

    private static Instant instant(String text) {
        return text.isBlank() ? null : Instant.parse(text);
    }

    /** csv, json or html, in any case. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            return ReportFormat.of(value);
        }
    }
}
