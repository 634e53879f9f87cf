package io.resetflow.cli;

import io.resetflow.breachfile.GenerateCommand;
import io.resetflow.breachfile.ImportCommand;
import io.resetflow.intake.TopicsCommand;
import io.resetflow.core.access.command.TenantsCommand;
import io.resetflow.isp.IspToolCommand;
import io.resetflow.core.http.ApiTokenCommand;
import io.resetflow.core.ops.OpsServer;
import io.resetflow.tracker.reconcile.ReconcileCommand;
import io.resetflow.tracker.report.ReportCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The one entry point: {@code resetflow <command>}. */
@Command(name = "resetflow",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Drives a credential-breach response to its end: notify, remind, reset or lock, and count "
                + "every exposed mailbox, per ISP.",
        subcommands = {
                LocalCommand.class,
                RunCommand.class,
                TopicsCommand.class,
                TenantsCommand.class,
                IspToolCommand.class,
                ApiTokenCommand.Api.class,
                GenerateCommand.class,
                ImportCommand.class,
                RedriveCommand.class,
                ReconcileCommand.class,
                ReportCommand.class,
                ManifestsCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class
        })
public final class ResetFlowCli implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        OpsServer.preferNoDelay();
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ResetFlowCli());
        cli.setExecutionExceptionHandler(new OneLineErrors());
        return cli;
    }
}
