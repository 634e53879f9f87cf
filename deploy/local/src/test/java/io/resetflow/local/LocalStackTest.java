package io.resetflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.resetflow.registry.RestSchemaRegistryClient;
import java.nio.file.Path;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {

    @TempDir
    Path dataDir;

    private LocalStackSettings settings() {
        return new LocalStackSettings(dataDir, LocalStackSettings.Ports.anyFree(), 0, 1, 60);
    }

    @Test
    void startsBrokerRegistryAndTopicsAndResumesFromItsDataDirectory() throws Exception {
        Schema schema = SchemaBuilder.record("Probe").fields().requiredString("id").endRecord();
        int id;
        try (LocalStack stack = new LocalStack(settings()).start()) {
            assertThat(stack.orderedAddresses()).containsKeys("Kafka bootstrap", "Schema registry", "Dashboard", "Outbox");
            try (Admin admin = stack.broker().createAdmin()) {
                Set<String> topics = admin.listTopics().names().get();
                assertThat(topics).contains("breach.affected-accounts", "isp.jcom.affected-accounts",
                        "reset-tracker.dead-letter", "notify.sent-ledger");
            }
            id = new RestSchemaRegistryClient(stack.registry().url()).register("probe-value", schema);
        }

        try (LocalStack again = new LocalStack(settings()).start()) {
            assertThat(new RestSchemaRegistryClient(again.registry().url()).latest("probe-value"))
                    .hasValueSatisfying(latest -> assertThat(latest.id()).isEqualTo(id));
        }
    }
}
