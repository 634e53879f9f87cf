package io.resetflow.bench.tracker;

import picocli.CommandLine;

/** Runs {@code bench tracker} on its own. */
public final class BenchTrackerMain {

    private BenchTrackerMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchTrackerCommand()).execute(args));
    }
}
