package io.resetflow.local;

import io.resetflow.cli.ResetFlowCli;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@code resetflow ...} in a JVM of its own, as a supervisor runs it: killable, its output in a log file. */
public final class CliProcess {

    private CliProcess() {
    }

    /** Starts the command line with {@code args}; stdout and stderr go to {@code <dir>/<name>.log}. */
    public static Process start(Path dir, String name, String maxHeap, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-cp", System.getProperty("java.class.path"), ResetFlowCli.class.getName()));
        command.addAll(Arrays.asList(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile())
                .start();
    }
}
