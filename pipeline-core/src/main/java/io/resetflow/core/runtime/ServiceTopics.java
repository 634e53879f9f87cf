package io.resetflow.core.runtime;

import io.resetflow.core.access.AccessPolicy;
import io.resetflow.core.access.Provisioner;
import io.resetflow.core.access.ServiceIds;
import io.resetflow.core.config.CommonConfig;
import io.resetflow.core.topic.RequiredTopics;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AclOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The topics a service reads and writes are the literal topics its principal is granted in the
 * access policy, as they are planned: the same lists provisioning and the Strimzi manifests come
 * from, so the check, the ACLs and the created topics cannot disagree.
 */
public final class ServiceTopics {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceTopics.class);

    private ServiceTopics() {
    }

    /** The planned topics the principal reads or writes. */
    public static List<NewTopic> of(CommonConfig config, ServiceIds ids, String principal) {
        AccessPolicy policy = new AccessPolicy(config.topicNames(), config.tenants(), ids);
        Set<String> used = new TreeSet<>(policy.topics(principal, AclOperation.READ));
        used.addAll(policy.topics(principal, AclOperation.WRITE));
        List<NewTopic> planned = Provisioner.topicsOf(config.topicPlan(), policy).stream()
                .filter(topic -> used.contains(topic.name())).toList();
        if (planned.size() != used.size()) {
            throw new IllegalStateException(principal + " is granted topics the plan does not create");
        }
        return planned;
    }

    /** Fails the start, naming every topic missing or not as planned. */
    public static void require(CommonConfig config, ServiceIds ids, String principal) {
        List<NewTopic> planned = of(config, ids, principal);
        try (Admin admin = Admin.create(config.kafkaClientProperties())) {
            RequiredTopics.check(admin, planned);
        }
        LOG.info("Topics checked: the {} this service reads and writes exist as planned", planned.size());
    }
}
