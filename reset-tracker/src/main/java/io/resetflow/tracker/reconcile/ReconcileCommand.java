package io.resetflow.tracker.reconcile;

import java.io.PrintWriter;
import java.nio.file.Path;
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
    ReconcileOptions options;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the result as JSON to FILE.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        try {
            ReconcileResult result = new Reconciler(options.settings()).run();
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
