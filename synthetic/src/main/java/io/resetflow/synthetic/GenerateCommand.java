package io.resetflow.synthetic;

import io.resetflow.breachfile.CompressedFiles;
import io.resetflow.core.tenant.Tenants;
import io.resetflow.core.tenant.TenantsLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code resetflow generate}: a synthetic affected-mailbox file and its expected intake counts. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes a deterministic synthetic affected-mailbox CSV (gzip when FILE ends in .gz) with a share "
                + "of dirty rows, and FILE.expected.json with the counts intake must produce."})
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--mailboxes", required = true, description = "Distinct affected mailboxes to write.")
    long mailboxes;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed; the same seed gives the same file.")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "File to write (.csv or .csv.gz).")
    Path out;

    @Option(names = "--dirty-share", defaultValue = "0.02",
            description = "Probability that a mailbox is followed by a dirty line (default ${DEFAULT-VALUE}).")
    double dirtyShare;

    @Option(names = "--contact-share", defaultValue = "0.35",
            description = "Share of mailboxes with a contact address (default ${DEFAULT-VALUE}).")
    double contactShare;

    @Option(names = "--tenants", paramLabel = "FILE", description = "Tenant YAML; the bundled six ISPs when absent.")
    Path tenantsFile;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (mailboxes < 1 || dirtyShare < 0 || dirtyShare > 1 || contactShare < 0 || contactShare > 1) {
            err.println("generate: --mailboxes must be at least 1 and shares between 0 and 1");
            return 2;
        }
        Tenants tenants = TenantsLoader.load(Optional.ofNullable(tenantsFile));
        BreachFileGenerator.Options options =
                new BreachFileGenerator.Options(mailboxes, seed, dirtyShare, contactShare, 0.8);
        try {
            ExpectedCounts expected;
            try (Writer writer = CompressedFiles.writer(out)) {
                expected = new BreachFileGenerator(tenants).write(options, writer);
            }
            Path sidecar = ExpectedCounts.sidecarOf(out);
            expected.write(sidecar);
            spec.commandLine().getOut().printf("Wrote %s: %,d lines, %,d mailboxes, %,d duplicates, %,d rejects, "
                            + "%,d unparseable, %,d blank; expected counts in %s%n", out, expected.lines(),
                    expected.accepted(), expected.duplicates(), expected.rejected(), expected.unparseableLines(),
                    expected.blankLines(), sidecar);
            return 0;
        } catch (IOException e) {
            err.println("generate failed: cannot write " + out + ": " + e.getMessage());
            return 1;
        }
    }
}
