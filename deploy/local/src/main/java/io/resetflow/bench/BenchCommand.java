package io.resetflow.bench;

import io.resetflow.bench.notifier.BenchNotifierCommand;
import io.resetflow.bench.tracker.BenchTrackerCommand;
import picocli.CommandLine.Command;

/** Benchmarks, each against the physical limit measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure throughput, latency and memory on an embedded broker.",
        subcommands = {BenchIntakeCommand.class, BenchNotifierCommand.class, BenchTrackerCommand.class})
public final class BenchCommand implements Runnable {

    @Override
    public void run() {
        throw new IllegalArgumentException("name a benchmark: resetflow bench intake | notifier | tracker");
    }
}
