package io.resetflow.local;

import io.resetflow.synthetic.GenerateCommand;
import io.resetflow.breachfile.ImportCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * The local stack's sample breach: generated and imported with the same commands an operator
 * uses, once per data directory (a second start finds it imported and leaves it).
 */
final class SampleBreach {

    private SampleBreach() {
    }

    static void importOnce(Path dataDir, int mailboxes, long seed, String bootstrapServers, Path clientConfig,
                           String registryUrl) {
        if (mailboxes == 0) {
            return;
        }
        Path dir = dataDir.resolve("sample");
        Path file = dir.resolve("breach-" + mailboxes + "-" + seed + ".csv.gz");
        Path done = dir.resolve("imported");
        if (Files.exists(done)) {
            return;
        }
        try {
            Files.createDirectories(dir);
            run(new GenerateCommand(), "--mailboxes", String.valueOf(mailboxes), "--seed", String.valueOf(seed),
                    "--out", file.toString());
            run(new ImportCommand(), "--file", file.toString(), "--bootstrap-server", bootstrapServers,
                    "--command-config", clientConfig.toString(),
                    "--schema-registry", registryUrl, "--rejects", dir.resolve("rejects.txt").toString());
            Files.writeString(done, file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the sample breach in " + dir, e);
        }
    }

    private static void run(Object command, String... args) {
        int code = new CommandLine(command).execute(args);
        if (code != 0) {
            throw new IllegalStateException(new CommandLine(command).getCommandName() + " of the sample breach failed ("
                    + code + ")");
        }
    }
}
