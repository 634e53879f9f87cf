package io.resetflow.breachfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resetflow.avro.BreachRow;
import io.resetflow.core.identity.PartitionKeys;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import io.resetflow.registry.InMemorySchemaRegistryClient;
import io.resetflow.serde.AvroSerializer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BreachFileImporterTest {

    private static final Instant NOW = Instant.parse("2025-06-02T01:00:00Z");

    @TempDir
    Path dir;
    private final MockProducer<String, BreachRow> producer = new MockProducer<>(true, null,
            new StringSerializer(), new AvroSerializer<>(new InMemorySchemaRegistryClient()));
    private final BreachFileImporter importer =
            new BreachFileImporter(producer, "breach.affected-accounts", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void mapsColumnsByHeaderInAnyOrder() throws Exception {
        Path file = write("breach.csv", "Tenant,E-Mail,Status,Storage\nnifty,taro@nifty.com,active,plaintext\n");

        run(file, BreachFileFormat.CSV, StandardCharsets.UTF_8);

        assertThat(sentRows()).singleElement().satisfies(row -> {
            assertThat(row.getAddress()).isEqualTo("taro@nifty.com");
            assertThat(row.getTenant()).isEqualTo("nifty");
            assertThat(row.getLifecycle()).isEqualTo("active");
            assertThat(row.getCredentialStorage()).isEqualTo("plaintext");
            assertThat(row.getSource().getFile()).isEqualTo("breach.csv");
            assertThat(row.getSource().getLine()).isEqualTo(2);
            assertThat(row.getImportedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void dropsPasswordAndHashColumnsUnreadAndSaysSo() throws Exception {
        Path file = write("breach.csv", "address,password,pwd_hash,notes\ntaro@nifty.com,hunter2,5f4dcc3b,vip\n");

        ImportSummary summary = run(file, BreachFileFormat.CSV, StandardCharsets.UTF_8);

        assertThat(summary.droppedColumns()).containsExactly("password", "pwd_hash");
        assertThat(summary.ignoredColumns()).containsExactly("notes");
        assertThat(sentRows().get(0).toString()).doesNotContain("hunter2", "5f4dcc3b");
    }

    @Test
    void listsUnparseableLinesWithLineNumberButNotTheirContent() throws Exception {
        Path file = write("breach.csv", "address,tenant\ntaro@nifty.com,nifty\n\"secret@nifty.com,nifty\n"
                + "a@nifty.com,nifty,extra\nhanako@nifty.com,nifty\n");

        ImportSummary summary = run(file, BreachFileFormat.CSV, StandardCharsets.UTF_8);

        assertThat(summary.read()).isEqualTo(2);
        assertThat(summary.unparseable()).isEqualTo(2);
        assertThat(Files.readAllLines(summary.rejectsFile().orElseThrow()))
                .containsExactly("line,reason", "3,malformed CSV (unbalanced quotes)", "4,\"expected 2 fields, found 3\"");
        assertThat(Files.readString(summary.rejectsFile().orElseThrow())).doesNotContain("secret@");
    }

    @Test
    void countsBlankLinesWithoutSendingThem() throws Exception {
        Path file = write("breach.csv", "address\n\ntaro@nifty.com\n   \nhanako@nifty.com\n");

        ImportSummary summary = run(file, BreachFileFormat.CSV, StandardCharsets.UTF_8);

        assertThat(summary.blankLines()).isEqualTo(2);
        assertThat(summary.sent()).isEqualTo(2);
        assertThat(sentRows()).extracting(row -> row.getSource().getLine()).containsExactly(3L, 5L);
    }

    @Test
    void readsQuotedFieldsWithCommas() throws Exception {
        Path file = write("breach.csv", "address,brand\ntaro@nifty.com,\"@nifty Mail, premium\"\n");

        run(file, BreachFileFormat.CSV, StandardCharsets.UTF_8);

        assertThat(sentRows().get(0).getBrand()).isEqualTo("@nifty Mail, premium");
    }

    @Test
    void readsGzipShiftJisFile() throws Exception {
        Path file = dir.resolve("breach.csv.gz");
        Charset sjis = Charset.forName("Shift_JIS");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("address,brand\nｔａｒｏ＠ｎｉｆｔｙ．ｃｏｍ,ニフティ\n".getBytes(sjis));
        }

        run(file, BreachFileFormat.CSV, sjis);

        assertThat(sentRows()).singleElement().satisfies(row -> {
            assertThat(row.getAddress()).isEqualTo("ｔａｒｏ＠ｎｉｆｔｙ．ｃｏｍ");
            assertThat(row.getBrand()).isEqualTo("ニフティ");
        });
    }

    @Test
    void readsJsonLinesAndDropsSecretKeys() throws Exception {
        Path file = write("breach.jsonl", "{\"email\":\"taro@nifty.com\",\"tenant\":\"nifty\",\"password\":\"hunter2\"}\n"
                + "[1,2]\n{\"address\":\"hanako@nifty.com\"\n");

        ImportSummary summary = run(file, BreachFileFormat.JSONL, StandardCharsets.UTF_8);

        assertThat(sentRows()).extracting(BreachRow::getAddress).containsExactly("taro@nifty.com");
        assertThat(summary.unparseable()).isEqualTo(2);
        assertThat(summary.droppedColumns()).containsExactly("password");
    }

    @Test
    void failsWithClearMessageWhenBrokerRejectsRows() throws Exception {
        Path file = write("breach.csv", "address\ntaro@nifty.com\n");
        producer.sendException = new TimeoutException("Topic breach.affected-accounts not present in metadata");

        assertThatThrownBy(() -> run(file, BreachFileFormat.CSV, StandardCharsets.UTF_8))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("broker did not accept");
    }

    @Test
    void failsWhenHeaderNamesNoAddressColumn() throws Exception {
        Path file = write("breach.csv", "user,tenant\ntaro,nifty\n");

        assertThatThrownBy(() -> run(file, BreachFileFormat.CSV, StandardCharsets.UTF_8))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("no address column");
    }

    @Test
    void keysEveryFormOfAMailboxByTheSamePartitionKeyNotByItsAddress() throws Exception {
        // Given one mailbox written three ways
        run(write("breach.csv", "address\ntaro@nifty.com\nTARO@Nifty.com\n ｔａｒｏ＠ｎｉｆｔｙ．ｃｏｍ\n"),
                BreachFileFormat.CSV, StandardCharsets.UTF_8);

        // Then all three rows carry the partition key of the normalized address, which is not the address
        assertThat(producer.history()).extracting(ProducerRecord::key)
                .containsOnly(PartitionKeys.of("taro@nifty.com"))
                .hasSize(3)
                .allSatisfy(key -> assertThat(key).doesNotContain("taro"));
    }

    @Test
    void sendsRowWithoutAddressWithoutKey() throws Exception {
        run(write("breach.csv", "address,tenant\n,nifty\n"), BreachFileFormat.CSV, StandardCharsets.UTF_8);

        assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly((String) null);
    }

    private ImportSummary run(Path file, BreachFileFormat format, Charset charset) throws ImportFailedException {
        return importer.run(new BreachFileImporter.Request(file, format, charset,
                dir.resolve(file.getFileName() + ".rejects.csv"), "import-1"), ImportProgress.none());
    }

    private List<BreachRow> sentRows() {
        return producer.history().stream().map(ProducerRecord::value).toList();
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
