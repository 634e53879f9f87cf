package io.resetflow.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import io.resetflow.avro.BreachRow;
import io.resetflow.avro.SourceReference;
import io.resetflow.breachfile.BreachFileColumn;
import io.resetflow.breachfile.BreachFileFormat;
import io.resetflow.breachfile.BreachFileImporter;
import io.resetflow.breachfile.BreachFileReader;
import io.resetflow.breachfile.CompressedFiles;
import io.resetflow.breachfile.ParsedLine;
import io.resetflow.core.identity.MailboxIds;
import io.resetflow.core.tenant.Tenants;
import io.resetflow.core.tenant.TenantsLoader;
import io.resetflow.intake.AcceptedMailbox;
import io.resetflow.intake.BreachRowValidator;
import io.resetflow.intake.ClassifiedMailbox;
import io.resetflow.intake.RowVerdict;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BreachFileGeneratorTest {

    private static final Instant NOW = Instant.parse("2025-06-02T01:00:00Z");
    private final Tenants tenants = TenantsLoader.bundled();

    @TempDir
    Path dir;

    @Test
    void writesTheSameFileForTheSameSeed() throws IOException {
        Path first = generate("a.csv", new BreachFileGenerator.Options(3_000, 7, 0.2, 0.35, 0.8));
        Path second = generate("b.csv", new BreachFileGenerator.Options(3_000, 7, 0.2, 0.35, 0.8));

        assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
    }

    @Test
    void writesNoPasswordColumn() throws IOException {
        Path file = generate("a.csv", BreachFileGenerator.Options.of(10, 1));

        assertThat(Files.readAllLines(file).get(0)).isEqualTo(
                "address,tenant,brand,lifecycle,credential_storage,contact_address,account_id");
    }

    @Test
    void spreadsMailboxesByTenantShare() throws IOException {
        ExpectedCounts expected = write("a.csv", BreachFileGenerator.Options.of(20_000, 3));

        // BIGLOBE has a 25% share, STNet 5%
        assertThat(expected.acceptedPerTenant().get("biglobe")).isBetween(4_600L, 5_400L);
        assertThat(expected.acceptedPerTenant().get("stnet")).isBetween(800L, 1_200L);
        assertThat(expected.accepted()).isEqualTo(20_000);
    }

    @Test
    void expectedCountsAgreeWithImportAndIntakeRules() throws IOException {
        // Given a small, very dirty file
        ExpectedCounts expected = write("dirty.csv", new BreachFileGenerator.Options(5_000, 11, 0.5, 0.35, 0.8));

        // When it is read as the import reads it and judged by the intake's own rules
        Tally actual = readAndJudge(dir.resolve("dirty.csv"));

        // Then every count matches the sidecar
        assertThat(actual.lines).isEqualTo(expected.lines());
        assertThat(actual.blank).isEqualTo(expected.blankLines());
        assertThat(actual.unparseable).isEqualTo(expected.unparseableLines());
        assertThat(actual.accepted).isEqualTo(expected.acceptedPerTenant());
        assertThat(actual.duplicates).isEqualTo(expected.duplicatesPerTenant());
        assertThat(actual.rejects).isEqualTo(expected.rejectsPerReason());
        assertThat(actual.priorities).isEqualTo(expected.acceptedPerPriority());
        assertThat(expected.rejectsPerReason()).containsKeys("INVALID_ADDRESS", "UNKNOWN_TENANT",
                "TENANT_DOMAIN_MISMATCH", "MISSING_ADDRESS");
        assertThat(expected.duplicates()).isPositive();
    }

    @Test
    void writesGzipWhenNamedSo() throws IOException {
        Path file = dir.resolve("a.csv.gz");
        try (Writer writer = CompressedFiles.writer(file)) {
            new BreachFileGenerator(tenants).write(BreachFileGenerator.Options.of(100, 1), writer);
        }

        byte[] head = Files.readAllBytes(file);
        assertThat(head[0]).isEqualTo((byte) 0x1f);
        assertThat(head[1]).isEqualTo((byte) 0x8b);
    }

    private Tally readAndJudge(Path file) throws IOException {
        BreachRowValidator validator = new BreachRowValidator(tenants, new MailboxIds("a-test-secret-of-enough-bytes"));
        Set<String> seen = new HashSet<>();
        Tally tally = new Tally();
        try (BreachFileReader reader = new BreachFileReader(file, BreachFileFormat.CSV, StandardCharsets.UTF_8,
                BreachFileImporter.Request.DEFAULT_MAX_LINE_LENGTH)) {
            tally.lines = 1;
            for (ParsedLine line = reader.next(); line != null; line = reader.next()) {
                tally.lines++;
                if (line instanceof ParsedLine.Blank) {
                    tally.blank++;
                } else if (line instanceof ParsedLine.Unparseable) {
                    tally.unparseable++;
                } else {
                    judge((ParsedLine.Row) line, validator, seen, tally);
                }
            }
        }
        return tally;
    }

    private static void judge(ParsedLine.Row line, BreachRowValidator validator, Set<String> seen, Tally tally) {
        BreachRow row = BreachRow.newBuilder()
                .setSource(SourceReference.newBuilder().setFile("f").setLine(line.line()).setImportId("i").build())
                .setAddress(line.value(BreachFileColumn.ADDRESS)).setTenant(line.value(BreachFileColumn.TENANT))
                .setBrand(line.value(BreachFileColumn.BRAND)).setLifecycle(line.value(BreachFileColumn.LIFECYCLE))
                .setCredentialStorage(line.value(BreachFileColumn.CREDENTIAL_STORAGE))
                .setContactAddress(line.value(BreachFileColumn.CONTACT_ADDRESS))
                .setAccountId(line.value(BreachFileColumn.ACCOUNT_ID)).setImportedAt(NOW).build();
        RowVerdict verdict = validator.check(row, NOW);
        if (verdict instanceof RowVerdict.Invalid invalid) {
            tally.rejects.merge(invalid.rejected().getReason().name(), 1L, Long::sum);
            return;
        }
        RowVerdict.Valid valid = (RowVerdict.Valid) verdict;
        String tenant = valid.normalized().getTenant();
        if (!seen.add(valid.mailboxId())) {
            tally.duplicates.merge(tenant, 1L, Long::sum);
            return;
        }
        tally.accepted.merge(tenant, 1L, Long::sum);
        ClassifiedMailbox classified = ClassifiedMailbox.of(new AcceptedMailbox(valid.mailboxId(), valid.normalized(), NOW));
        tally.priorities.merge(classified.intake().getPriority().name(), 1L, Long::sum);
    }

    private static final class Tally {
        long lines;
        long blank;
        long unparseable;
        final Map<String, Long> accepted = new TreeMap<>();
        final Map<String, Long> duplicates = new TreeMap<>();
        final Map<String, Long> rejects = new TreeMap<>();
        final Map<String, Long> priorities = new TreeMap<>();
    }

    private ExpectedCounts write(String name, BreachFileGenerator.Options options) throws IOException {
        try (Writer writer = CompressedFiles.writer(dir.resolve(name))) {
            return new BreachFileGenerator(tenants).write(options, writer);
        }
    }

    private Path generate(String name, BreachFileGenerator.Options options) throws IOException {
        write(name, options);
        return dir.resolve(name);
    }
}
