package io.resetflow.bench.notifier;

import picocli.CommandLine;

/** Runs {@code bench notifier} on its own, for a classpath without the full command line. */
public final class BenchNotifierMain {

    private BenchNotifierMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchNotifierCommand()).execute(args));
    }
}
