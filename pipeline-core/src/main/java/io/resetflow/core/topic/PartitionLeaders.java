package io.resetflow.core.topic;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Waits until every partition of just-created topics is served by its leader. A producer that
 * starts on a partition the broker does not serve yet sees NOT_LEADER_OR_FOLLOWER, and its first
 * batch, retried behind later ones, can then fail on sequence order (OUT_OF_ORDER_SEQUENCE) until
 * its delivery timeout. Metadata naming a leader is not enough (the broker may not have taken the
 * partition on yet), so the probe is a ListOffsets, which only a serving leader answers.
 */
final class PartitionLeaders {

    private static final long POLL_MILLIS = 100;

    private PartitionLeaders() {
    }

    /** Returns once every partition answers; throws when that takes longer than {@code timeout}. */
    static void await(Admin admin, Collection<String> topics, Duration timeout) {
        if (topics.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!allServed(admin, topics)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("partitions of " + topics.size() + " new topics are not served after "
                            + timeout.toSeconds() + " s");
                }
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for partition leaders", e);
        }
    }

    private static boolean allServed(Admin admin, Collection<String> topics) throws InterruptedException {
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get().values()) {
                topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()),
                        OffsetSpec.latest()));
            }
            admin.listOffsets(latest).all().get();
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RetriableException) {
                return false;
            }
            throw new KafkaException("cannot check the new topics' partitions: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
