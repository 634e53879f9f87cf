package io.resetflow.cli;

import io.resetflow.breachfile.ImportCommand;
import io.resetflow.intake.TopicsCommand;
import io.resetflow.core.access.command.TenantsCommand;
import io.resetflow.isp.IspToolCommand;
import io.resetflow.core.http.ApiTokenCommand;
import io.resetflow.core.ops.OpsServer;
import io.resetflow.tracker.reconcile.ReconcileCommand;
import io.resetflow.tracker.report.ReportCommand;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The one entry point: {@code resetflow <command>}. */
@Command(name = "resetflow",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Drives a credential-breach response to its end: notify, remind, reset or lock, and count "
                + "every exposed mailbox, per ISP.")
public final class ResetFlowCli implements Runnable {

    /** What the production artifact runs: the services and the operators' and ISPs' tools. */
    private static final List<Class<?>> COMMANDS = List.of(
            RunCommand.class,
            TopicsCommand.class,
            TenantsCommand.class,
            IspToolCommand.class,
            ApiTokenCommand.Api.class,
            ImportCommand.class,
            RedriveCommand.class,
            ReconcileCommand.class,
            ReportCommand.class,
            ManifestsCommand.class);

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

    /** The command line with these commands first (the local artifact's stack, benchmarks and generator). */
    public static CommandLine commandLine(Object... leadingCommands) {
        CommandLine cli = new CommandLine(new ResetFlowCli());
        for (Object command : leadingCommands) {
            cli.addSubcommand(command);
        }
        COMMANDS.forEach(cli::addSubcommand);
        cli.addSubcommand(new CommandLine.HelpCommand());
        cli.setExecutionExceptionHandler(new OneLineErrors());
        return cli;
    }
}
