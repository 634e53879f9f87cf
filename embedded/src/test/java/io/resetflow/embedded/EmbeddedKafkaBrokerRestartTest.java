package io.resetflow.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerRestartTest {

    @TempDir
    static Path dataDir;

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.builder().dataDir(dataDir).build().start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void keepsRecordsClusterIdAndPortWhenRestartedOnTheSameDataDirectory() throws Exception {
        // Given a record written before the restart
        broker.createTopic("remediation.intake", 1);
        Records.produce(broker.adminClientProperties(), "remediation.intake", "mbx-7", "AFFECTED");
        String clusterId = broker.clusterId();
        int port = broker.port();

        // When the broker stops and a new one starts on the same directory
        broker.close();
        assertThat(Files.exists(dataDir.resolve("kafka-logs/meta.properties"))).isTrue();
        broker = EmbeddedKafkaBroker.builder().dataDir(dataDir).build().start();

        // Then it is the same cluster, on the same port, with the record still there
        assertThat(broker.clusterId()).isEqualTo(clusterId);
        assertThat(broker.port()).isEqualTo(port);
        assertThat(Records.readAtLeast(broker.adminClientProperties(), "remediation.intake", 1))
                .extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactly(tuple("mbx-7", "AFFECTED"));
    }
}
