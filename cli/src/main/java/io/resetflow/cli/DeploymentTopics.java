package io.resetflow.cli;

import io.resetflow.core.access.AccessPolicy;
import io.resetflow.core.access.Provisioner;
import io.resetflow.core.topic.InternalTopics;
import io.resetflow.core.topic.TopicPlan;
import io.resetflow.intake.IntakeConfig;
import io.resetflow.intake.IntakeTopology;
import io.resetflow.serde.AvroSerdes;
import io.resetflow.tracker.config.TrackerConfig;
import io.resetflow.tracker.metrics.TrackerMetrics;
import io.resetflow.tracker.topology.TrackerTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Every topic a deployment's cluster holds for ResetFlow: the plan's shared and per-tenant topics and
 * the dead letters (as {@code tenants provision} creates them), the intake's and the tracker's
 * internal topics (from their topologies, built here only to be described), and the schema
 * registry's {@code _schemas}.
 */
final class DeploymentTopics {

    static final String SCHEMAS_TOPIC = "_schemas";

    private DeploymentTopics() {
    }

    static List<NewTopic> of(IntakeConfig intake, TrackerConfig tracker, AccessPolicy policy) {
        TopicPlan plan = tracker.topicPlan();
        AvroSerdes describedOnly = AvroSerdes.forRegistry(tracker.schemaRegistryUrl());
        List<NewTopic> topics = new ArrayList<>(Provisioner.topicsOf(plan, policy));
        topics.addAll(InternalTopics.of(intake.applicationId(),
                IntakeTopology.build(intake, describedOnly, tenant -> { }), plan.partitions(),
                plan.replicationFactor(), Map.of()));
        topics.addAll(InternalTopics.of(tracker.applicationId(),
                TrackerTopology.build(tracker, describedOnly, TrackerMetrics.NONE), plan.partitions(),
                plan.replicationFactor(), TrackerTopology.sizedRepartitions()));
        // One partition keeps the registry's log of schemas in order; it is read whole at start.
        topics.add(new NewTopic(SCHEMAS_TOPIC, 1, plan.replicationFactor()).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        return topics;
    }
}
