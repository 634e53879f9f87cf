package io.resetflow.core.topic;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resetflow.embedded.EmbeddedKafkaBroker;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The start-up check on a real broker: each difference from the plan is named, all in one message. */
class RequiredTopicsTest {

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.builder().build().start();
        try (Admin admin = broker.createAdmin()) {
            TopicCreator.createMissing(admin, List.of(
                    retained("as-planned", 2),
                    retained("three-partitions", 3),
                    retained("not-compacted", 2),
                    compacted("compacted", 2)));
        }
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void topicsAsPlannedPass() {
        try (Admin admin = broker.createAdmin()) {
            assertThatCode(() -> RequiredTopics.check(admin,
                    List.of(retained("as-planned", 2), compacted("compacted", 2)))).doesNotThrowAnyException();
        }
    }

    @Test
    void everyMissingOrDifferentTopicIsNamedAtOnce() {
        try (Admin admin = broker.createAdmin()) {
            assertThatThrownBy(() -> RequiredTopics.check(admin, List.of(
                    retained("as-planned", 2),
                    retained("three-partitions", 2),
                    compacted("not-compacted", 2),
                    retained("compacted", 2),
                    retained("absent-b", 2),
                    retained("absent-a", 2))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("4 topic(s) not as planned: missing absent-a, absent-b; "
                            + "three-partitions has 3 partitions, not 2; "
                            + "not-compacted has cleanup.policy delete, not compact; "
                            + "compacted has cleanup.policy compact, not delete. "
                            + "Create them with 'resetflow topics create --config FILE' (or 'tenants provision', or "
                            + "Strimzi's KafkaTopics), with topics.partitions as the deployment's");
        }
    }

    private static NewTopic retained(String name, int partitions) {
        return new NewTopic(name, partitions, (short) 1).configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
    }

    private static NewTopic compacted(String name, int partitions) {
        return new NewTopic(name, partitions, (short) 1)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }
}
