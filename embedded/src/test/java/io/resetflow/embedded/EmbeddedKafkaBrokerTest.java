package io.resetflow.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaBrokerTest {

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.builder().build().start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void listensOnLoopbackWithPlaintext() {
        assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + broker.port());
        assertThat(broker.controllerPort()).isNotEqualTo(broker.port());
        assertThat(broker.adminClientProperties()).containsOnlyKeys("bootstrap.servers");
    }

    @Test
    void producesAndConsumesARecord() throws Exception {
        // Given
        broker.createTopic("breach.affected-accounts", 1);

        // When
        Records.produce(broker.adminClientProperties(), "breach.affected-accounts", "mbx-1", "exposed");

        // Then
        List<ConsumerRecord<String, String>> records =
                Records.readAtLeast(broker.adminClientProperties(), "breach.affected-accounts", 1);
        assertThat(records).extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactly(tuple("mbx-1", "exposed"));
    }

    @Test
    void createsTopicsIdempotentlyWithTheRequestedPartitions() throws Exception {
        broker.createTopic("isp.stnet.affected-accounts", 3);
        broker.createTopic("isp.stnet.affected-accounts", 3);

        try (Admin admin = broker.createAdmin()) {
            TopicDescription description = admin.describeTopics(List.of("isp.stnet.affected-accounts"))
                    .allTopicNames().get(10, TimeUnit.SECONDS).get("isp.stnet.affected-accounts");
            assertThat(description.partitions()).hasSize(3);
        }
    }

    @Test
    void createsCompactedTopics() throws Exception {
        broker.createCompactedTopic("isp.stnet.remediation-status", 2);

        try (Admin admin = broker.createAdmin()) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "isp.stnet.remediation-status");
            Config config = admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                    .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }

    @Test
    void doesNotCreateTopicsOnFirstUse() {
        Map<String, Object> props = new HashMap<>(broker.adminClientProperties());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000);

        assertThatThrownBy(() -> Records.produce(props, "no.such.topic", "k", "v"))
                .isInstanceOfAny(ExecutionException.class, TimeoutException.class)
                .hasMessageContaining("no.such.topic");
    }
}
