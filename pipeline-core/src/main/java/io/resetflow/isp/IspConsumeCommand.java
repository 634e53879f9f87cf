package io.resetflow.isp;

import io.resetflow.breachfile.KafkaClientOptions;
import io.resetflow.core.topic.TopicNames;
import io.resetflow.serde.AvroDeserializer;
import io.resetflow.serde.AvroSerdeConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code resetflow isp consume}: prints an ISP's records as JSON lines, decoded with the schema
 * registry, in the ISP's own consumer group ({@code isp.<tenant>.<name>}). The cluster decides what
 * it may read: another tenant's topic fails with the broker's authorization error.
 */
@Command(name = "consume", mixinStandardHelpOptions = true,
        description = "Prints the records of one of the ISP's topics as JSON lines.")
public final class IspConsumeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaClientOptions kafka;

    @Option(names = "--tenant", required = true, description = "The ISP's tenant id.")
    String tenant;

    @Option(names = "--topic", required = true, paramLabel = "ROLE",
            description = "affected-accounts, remediation-status or force-resets (or a full topic name).")
    String topic;

    @Option(names = "--schema-registry", defaultValue = "${env:RESETFLOW_SCHEMA_REGISTRY_URL:-http://localhost:8081}",
            description = "Schema registry URL (default ${DEFAULT-VALUE}).")
    String schemaRegistry;

    @Option(names = "--group", defaultValue = "console",
            description = "Consumer group name under isp.<tenant>. (default ${DEFAULT-VALUE}).")
    String group;

    @Option(names = "--from-beginning", description = "Start at the earliest record when the group has no offset.")
    boolean fromBeginning;

    @Option(names = "--max-records", defaultValue = "0", description = "Stop after this many records (0: no limit).")
    long maxRecords;

    @Option(names = "--idle-timeout", defaultValue = "PT0S",
            description = "Stop when nothing arrives for this long, ISO-8601 (PT0S: keep waiting).")
    Duration idleTimeout;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String name = topic.contains(".") ? topic : TopicNames.DEFAULT.tenantTopic(tenant, topic);
        try (KafkaConsumer<String, Object> consumer = consumer()) {
            consumer.subscribe(List.of(name));
            long printed = 0;
            Instant lastRecord = Instant.now();
            while (maxRecords == 0 || printed < maxRecords) {
                var records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, Object> record : records) {
                    if (maxRecords > 0 && printed == maxRecords) {
                        break;
                    }
                    out.println(record.value());
                    printed++;
                }
                out.flush();
                if (!records.isEmpty()) {
                    lastRecord = Instant.now();
                    consumer.commitSync();
                } else if (!idleTimeout.isZero() && Instant.now().isAfter(lastRecord.plus(idleTimeout))) {
                    break;
                }
            }
            return 0;
        } catch (KafkaException | IOException e) {
            spec.commandLine().getErr().println("isp consume failed on " + name + ": " + e.getMessage());
            return 1;
        }
    }

    private KafkaConsumer<String, Object> consumer() throws IOException {
        Map<String, Object> props = kafka.clientProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, TopicNames.DEFAULT.tenantAclPrefix(tenant) + group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        AvroDeserializer<Object> values = new AvroDeserializer<>();
        values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, schemaRegistry), false);
        return new KafkaConsumer<>(props, new StringDeserializer(), values);
    }
}
