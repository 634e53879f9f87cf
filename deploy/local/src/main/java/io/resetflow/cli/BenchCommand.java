package io.resetflow.cli;

import io.resetflow.bench.BenchIntakeCommand;
import picocli.CommandLine.Command;

/** Benchmarks, each against the physical limit measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure throughput, latency and memory on an embedded broker.",
        subcommands = {BenchIntakeCommand.class})
public final class BenchCommand implements Runnable {

    @Override
    public void run() {
        throw new IllegalArgumentException("name a benchmark: resetflow bench intake");
    }
}
