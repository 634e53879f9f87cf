package io.resetflow.embedded;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Idempotent topic creation, for a broker whose topics are all created explicitly. */
public final class Topics {

    private static final long TIMEOUT_SECONDS = 60;

    private Topics() {
    }

    public static NewTopic plain(String name, int partitions) {
        return new NewTopic(name, partitions, (short) 1);
    }

    public static NewTopic compacted(String name, int partitions) {
        return plain(name, partitions).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    /** Creates each topic that does not exist yet; a topic that exists already is not an error and is not altered. */
    public static void createMissing(Admin admin, Collection<NewTopic> topics) {
        if (topics.isEmpty()) {
            return;
        }
        Map<String, KafkaFuture<Void>> results = admin.createTopics(topics).values();
        List<String> failures = new ArrayList<>();
        RuntimeException firstFailure = null;
        for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
            try {
                result.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    failures.add(result.getKey() + ": " + e.getCause());
                    if (firstFailure == null) {
                        firstFailure = new IllegalStateException(e.getCause());
                    }
                }
            } catch (TimeoutException e) {
                failures.add(result.getKey() + ": no answer in " + TIMEOUT_SECONDS + " s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while creating topics", e);
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("Could not create topics " + failures,
                    firstFailure == null ? null : firstFailure.getCause());
        }
    }
}
