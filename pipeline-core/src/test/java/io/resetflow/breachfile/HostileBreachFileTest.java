package io.resetflow.breachfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resetflow.avro.BreachRow;
import io.resetflow.registry.InMemorySchemaRegistryClient;
import io.resetflow.serde.AvroSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Breach files as they come: endless lines, quotes across lines, stray quotes, Windows Shift_JIS, cut-off gzip. */
class HostileBreachFileTest {

    @TempDir
    Path dir;
    private final MockProducer<String, BreachRow> producer = new MockProducer<>(true, null,
            new StringSerializer(), new AvroSerializer<>(new InMemorySchemaRegistryClient()));
    private final BreachFileImporter importer = new BreachFileImporter(producer, "breach.affected-accounts",
            Clock.fixed(Instant.parse("2025-06-02T01:00:00Z"), ZoneOffset.UTC));

    @Test
    void rejectsAnEndlessGzipLineByNumberAndReadsTheRowsAfterIt() throws Exception {
        Path file = dir.resolve("bomb.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("address,brand\na@nifty.com,x\n".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'p');
            for (int i = 0; i < 64; i++) {
                out.write(chunk);
            }
            out.write("\nb@nifty.com,y\n".getBytes(StandardCharsets.UTF_8));
        }

        ImportSummary summary = run(file, BreachFileFormat.CSV, StandardCharsets.UTF_8);

        assertThat(addresses()).containsExactly("a@nifty.com", "b@nifty.com");
        assertThat(summary.unparseable()).isEqualTo(1);
        assertThat(Files.readAllLines(summary.rejectsFile().orElseThrow()))
                .containsExactly("line,reason", "3,line longer than 4096 characters (67108864)");
    }

    @Test
    void readsAQuotedFieldSpanningLinesAsOneRecordWithItsFirstLineNumber() throws Exception {
        Path file = write("multi.csv", "address,brand\n\"a@nifty.com\",\"@nifty\nMail\"\nb@nifty.com,\"say \"\"hi\"\"\"\n");

        run(file, BreachFileFormat.CSV, StandardCharsets.UTF_8);

        assertThat(rows()).extracting(BreachRow::getAddress, BreachRow::getBrand, row -> row.getSource().getLine())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a@nifty.com", "@nifty\nMail", 2L),
                        org.assertj.core.groups.Tuple.tuple("b@nifty.com", "say \"hi\"", 4L));
    }

    @Test
    void aStrayQuoteRejectsItsOwnLineOnlyAndTheRowsAfterItKeepTheirNumbers() throws Exception {
        StringBuilder content = new StringBuilder("address,brand\n\"a@nifty.com,x\n");
        for (int i = 0; i < 300; i++) {
            content.append("user").append(i).append("@nifty.com,brand-").append(i).append('\n');
        }
        Path file = write("stray.csv", content.toString());

        ImportSummary summary = run(file, BreachFileFormat.CSV, StandardCharsets.UTF_8);

        assertThat(rows()).hasSize(300);
        assertThat(rows().get(0).getSource().getLine()).isEqualTo(3);
        assertThat(rows().get(299).getSource().getLine()).isEqualTo(302);
        assertThat(Files.readAllLines(summary.rejectsFile().orElseThrow()))
                .containsExactly("line,reason", "2,malformed CSV (unbalanced quotes)");
    }

    @Test
    void neverCopiesAMalformedJsonLinesTokenIntoTheReason() throws Exception {
        Path file = write("rows.jsonl", "{\"address\": \"a@nifty.com\", \"password\": hunter2}\n"
                + "{\"address\": \"b@nifty.com\", \"パスワード\": \"秘密123\"}\n");

        ImportSummary summary = run(file, BreachFileFormat.JSONL, StandardCharsets.UTF_8);

        String rejects = Files.readString(summary.rejectsFile().orElseThrow());
        assertThat(rejects).isEqualTo("line,reason\n1,malformed JSON at column 40\n").doesNotContain("hunter2");
        assertThat(summary.droppedColumns()).containsExactly("パスワード");
        assertThat(rows().get(0).toString()).doesNotContain("秘密123");
    }

    @Test
    void readsShiftJisAsWindows31jSoItsExtendedCharactersSurvive() throws Exception {
        Path file = dir.resolve("sjis.csv");
        Files.write(file, "address,brand\na@nifty.com,①ニフティ～メール\n".getBytes(Charset.forName("windows-31j")));

        run(file, BreachFileFormat.CSV, BreachFileCharsets.forName("Shift_JIS"));

        assertThat(BreachFileCharsets.forName("Shift_JIS").name()).isEqualTo("windows-31j");
        assertThat(rows()).extracting(BreachRow::getBrand).containsExactly("①ニフティ～メール");
    }

    @Test
    void aTruncatedGzipSaysHowFarItGotAndThatARerunIsSafe() throws Exception {
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (Writer out = new java.io.OutputStreamWriter(new GZIPOutputStream(gzip), StandardCharsets.UTF_8)) {
            out.write("address,brand\n");
            for (int i = 0; i < 20_000; i++) {
                out.write("user" + i + "@nifty.com,brand-" + (i * 7919 % 10007) + "\n");
            }
        }
        byte[] whole = gzip.toByteArray();
        Path file = Files.write(dir.resolve("cut.csv.gz"), Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(() -> run(file, BreachFileFormat.CSV, StandardCharsets.UTF_8))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("ends before its end (a truncated gzip?): ")
                .hasMessageContaining(" rows were read and ")
                .hasMessageEndingWith("importing the complete file again is safe, intake drops the rows it already has");
        assertThat(rows()).isNotEmpty().hasSizeLessThan(20_000);
    }

    private ImportSummary run(Path file, BreachFileFormat format, Charset charset) throws ImportFailedException {
        return importer.run(new BreachFileImporter.Request(file, format, charset,
                dir.resolve(file.getFileName() + ".rejects.csv"), "import-1"), ImportProgress.none());
    }

    private List<BreachRow> rows() {
        return producer.history().stream().map(ProducerRecord::value).toList();
    }

    private List<String> addresses() {
        return rows().stream().map(BreachRow::getAddress).toList();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
