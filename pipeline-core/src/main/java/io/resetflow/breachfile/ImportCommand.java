package io.resetflow.breachfile;

import io.resetflow.avro.BreachRow;
import io.resetflow.core.topic.TopicNames;
import io.resetflow.serde.AvroSerdeConfig;
import io.resetflow.serde.AvroSerializer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code resetflow import}: streams a breach file (CSV or JSONL, plain or gzip) into
 * {@code breach.affected-accounts}. Exit code 0 when every row was accepted by the broker, 1 when the
 * file could not be read or the broker failed, 2 on a usage error.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Streams an affected-mailbox file into breach.affected-accounts. Password or hash columns "
                + "are dropped unread; unparseable lines go to a rejects file with their line number."})
public final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaClientOptions kafka;

    @Option(names = "--config", paramLabel = "FILE", description = "ResetFlow properties: kafka.* (cluster and "
            + "security), schema.registry.url, topics.prefix; --bootstrap-server, --command-config, "
            + "--schema-registry and --topic-prefix win over them.")
    Path config;

    @Option(names = "--file", required = true, paramLabel = "FILE", description = "The breach file (.gz is detected).")
    Path file;

    @Option(names = "--format", description = "csv or jsonl (default: from the file name, csv otherwise).")
    String format;

    @Option(names = "--encoding", defaultValue = "UTF-8", description = "UTF-8 or Shift_JIS, read as Windows-31J "
            + "(MS932), the Shift_JIS of Japanese Windows exports (default ${DEFAULT-VALUE}).")
    String encoding;

    @Option(names = "--max-line-length", defaultValue = "" + BreachFileImporter.Request.DEFAULT_MAX_LINE_LENGTH,
            description = "Longest line (or quoted multi-line CSV record) read, in characters; a longer one is "
                    + "rejected with its line number (default ${DEFAULT-VALUE}).")
    int maxLineLength;

    @Option(names = "--schema-registry", defaultValue = "${env:RESETFLOW_SCHEMA_REGISTRY_URL:-http://localhost:8081}",
            description = "Schema registry URL (default ${DEFAULT-VALUE}).")
    String schemaRegistry;

    @Option(names = "--topic-prefix", defaultValue = "", description = "Prefix of the shared topic names.")
    String topicPrefix;

    @Option(names = "--rejects", paramLabel = "FILE", description = "Where unparseable lines are listed "
            + "(default: FILE.rejects.csv).")
    Path rejects;

    @Option(names = "--import-id", description = "Identifier of this run in every row's source (default: random).")
    String importId;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BreachFileFormat fileFormat;
        Charset charset;
        try {
            fileFormat = format == null ? BreachFileFormat.guess(file) : BreachFileFormat.valueOf(format.toUpperCase());
            charset = BreachFileCharsets.forName(encoding);
        } catch (IllegalArgumentException e) {
            err.println("import: unknown --format or --encoding (" + format + ", " + encoding + ")");
            return 2;
        }
        if (!charset.name().equalsIgnoreCase(encoding) && BreachFileCharsets.isShiftJis(encoding)) {
            out.println("Reading " + encoding + " as " + charset.name() + " (MS932): the Shift_JIS of Japanese "
                    + "Windows, with its NEC and IBM extensions and the usual mapping of ～ and －");
        }
        if (maxLineLength < 64) {
            err.println("import: --max-line-length must be at least 64");
            return 2;
        }
        if (!Files.isReadable(file)) {
            err.println("import failed: cannot read " + file);
            return 1;
        }
        BreachFileImporter.Request request = new BreachFileImporter.Request(file, fileFormat, charset,
                rejects != null ? rejects : file.resolveSibling(file.getFileName() + ".rejects.csv"),
                importId != null ? importId : UUID.randomUUID().toString(), maxLineLength);
        CommandSettings cluster;
        try {
            cluster = CommandSettings.resolve(kafka, config, schemaRegistry, topicPrefix, CommandSettings.givenIn(spec));
        } catch (IOException | RuntimeException e) {
            err.println("import failed: " + e.getMessage());
            return 1;
        }
        Map<String, Object> client = cluster.clientProperties();
        String registry = cluster.schemaRegistryUrl();
        String prefix = cluster.topicPrefix();
        String topic = TopicNames.withSharedPrefix(prefix).breachAffectedAccounts();
        try (Producer<String, BreachRow> producer = producer(client, registry);
             ImportProgress progress = ImportProgress.forConsole(Files.size(file), System.out)) {
            ImportSummary summary = new BreachFileImporter(producer, topic, Clock.systemUTC()).run(request, progress);
            progress.close();
            report(summary, out);
            return 0;
        } catch (ImportFailedException e) {
            err.println("import failed: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("import failed: " + e.getMessage());
            return 1;
        } catch (org.apache.kafka.common.KafkaException e) {
            err.println("import failed: cannot connect to Kafka: " + e.getMessage());
            return 1;
        }
    }

    /** An idempotent producer tuned for a bulk load: big lz4 batches, all replicas acknowledging. */
    public static Producer<String, BreachRow> producer(Map<String, Object> clientProperties, String schemaRegistry) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.putIfAbsent(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) Duration.ofSeconds(60).toMillis());
        props.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, schemaRegistry);
        AvroSerializer<BreachRow> values = new AvroSerializer<>();
        values.configure(props, false);
        return new KafkaProducer<>(props, new StringSerializer(), values);
    }

    private static void report(ImportSummary summary, PrintWriter out) {
        if (!summary.droppedColumns().isEmpty()) {
            out.println("Dropped unread (look like passwords or hashes): " + String.join(", ", summary.droppedColumns()));
        }
        if (!summary.ignoredColumns().isEmpty()) {
            out.println("Ignored unknown columns: " + String.join(", ", summary.ignoredColumns()));
        }
        out.printf("Import %s: %,d rows read, %,d sent, %,d unparseable, %,d blank lines in %.1f s (%,.0f rows/s)%n",
                summary.importId(), summary.read(), summary.sent(), summary.unparseable(), summary.blankLines(),
                summary.elapsed().toMillis() / 1000.0, summary.rowsPerSecond());
        summary.rejectsFile().ifPresent(path -> out.println("Unparseable lines listed in " + path));
        out.flush();
    }
}
