package io.resetflow.local;

import io.resetflow.bench.BenchCommand;
import io.resetflow.cli.ResetFlowCli;
import io.resetflow.core.ops.OpsServer;
import io.resetflow.synthetic.GenerateCommand;
import picocli.CommandLine;

/**
 * {@code resetflow} as {@code bin/resetflow} runs it: the production commands plus the local stack,
 * the benchmarks and the sample-data generator, which the production artifact leaves out.
 */
public final class LocalCli {

    private LocalCli() {
    }

    public static void main(String[] args) {
        OpsServer.preferNoDelay();
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return ResetFlowCli.commandLine(new LocalCommand(), new GenerateCommand(), new BenchCommand());
    }
}
