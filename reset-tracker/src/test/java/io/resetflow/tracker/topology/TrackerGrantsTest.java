package io.resetflow.tracker.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.resetflow.core.access.AccessPolicy;
import io.resetflow.core.access.Principals;
import io.resetflow.core.access.ServiceIds;
import io.resetflow.core.topic.TopicNames;
import io.resetflow.core.topic.TopologyTopics;
import io.resetflow.registry.InMemorySchemaRegistryClient;
import io.resetflow.serde.AvroSerdes;
import io.resetflow.tracker.config.TrackerConfig;
import io.resetflow.tracker.metrics.TrackerMetrics;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.acl.AclOperation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tracker's principal may read and write exactly what its topology does, and nothing more. */
class TrackerGrantsTest {

    @TempDir
    Path stateDir;

    @Test
    void grantsTheTrackerExactlyTheTopicsItsTopologyUses() {
        TrackerConfig config = new TrackerConfig(Map.of(TrackerConfig.MAILBOX_ID_SECRET, TrackerDriver.SECRET,
                TrackerConfig.BREACH_CUTOFF, TrackerDriver.CUTOFF.toString(),
                TrackerConfig.STATE_DIR, stateDir.toString()), TrackerDriver.START);
        TopicNames names = config.topicNames();
        AccessPolicy policy = new AccessPolicy(names, config.tenants(), ServiceIds.DEFAULT);
        TopologyTopics used = TopologyTopics.of(TrackerTopology.build(config,
                new AvroSerdes(new InMemorySchemaRegistryClient(), Map.of()), TrackerMetrics.NONE));

        assertThat(policy.topics(Principals.TRACKER, AclOperation.READ)).isEqualTo(used.reads());

        // Sinks that pick their topic per record (the tenant's, the shared rejects as the refusals' fallback) are
        // not named in the description.
        Set<String> writes = new TreeSet<>(used.writes());
        for (String tenant : config.tenants().ids()) {
            writes.add(names.notifyRequests(tenant));
            writes.add(names.tenantForceResets(tenant));
            writes.add(names.tenantRemediationStatus(tenant));
            writes.add(names.tenantRejectedEvents(tenant));
        }
        writes.add(names.resetsRejected());
        writes.add(names.deadLetter(config.applicationId()));
        writes.add(names.remediationRedrives());
        assertThat(policy.topics(Principals.TRACKER, AclOperation.WRITE)).isEqualTo(writes);
    }
}
