package io.resetflow.core.topic;

import io.resetflow.core.tenant.Tenant;
import io.resetflow.core.tenant.Tenants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The topics a deployment needs, derived from the tenant list: Streams does not create output
 * topics, so they exist before any service starts. Status, command and progress topics and the sent
 * ledger are compacted: a command stays on its topic, as its mailbox's latest record, until a newer
 * attempt or its cancel replaces it, so an ISP consumer that was down for a week still finds it.
 */
public record TopicPlan(TopicNames names, int partitions, short replicationFactor) {

    public List<NewTopic> topics(Tenants tenants) {
        List<NewTopic> topics = new ArrayList<>();
        for (String shared : names.sharedTopics()) {
            topics.add(topic(shared, shared.equals(names.remediationProgress())
                    || shared.equals(names.notifySentLedger())));
        }
        for (Tenant tenant : tenants.all()) {
            topics.add(topic(names.notifyRequests(tenant.id()), false));
            for (String role : TopicNames.TENANT_ROLES) {
                topics.add(topic(names.tenantTopic(tenant.id(), role), TopicNames.COMPACTED_TENANT_ROLES.contains(role)));
            }
        }
        return topics;
    }

    public NewTopic deadLetterTopic(String application) {
        return topic(names.deadLetter(application), false);
    }

    /**
     * Compacted topics keep each key's latest record; every other topic keeps all of them (no time
     * limit): the rows, acceptances, notices, outcomes and answers are what reconciliation and the
     * regulator's report are proven from, for as long as the campaign lasts.
     */
    private NewTopic topic(String name, boolean compacted) {
        NewTopic topic = new NewTopic(name, partitions, replicationFactor);
        return compacted ? topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))
                : topic.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
    }
}
