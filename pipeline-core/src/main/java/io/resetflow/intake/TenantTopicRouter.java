package io.resetflow.intake;

import io.resetflow.avro.AffectedAccount;
import io.resetflow.core.topic.TopicNames;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.processor.RecordContext;
import org.apache.kafka.streams.processor.TopicNameExtractor;

/**
 * Sends each accepted mailbox to its own ISP's {@code isp.<tenant>.affected-accounts} topic. The
 * name is built once per tenant: the same String for every record spares the producer a fresh hash
 * in each of the topic-keyed maps it looks the record up in.
 */
final class TenantTopicRouter implements TopicNameExtractor<String, AffectedAccount> {

    private final TopicNames names;
    private final Map<String, String> topicByTenant = new ConcurrentHashMap<>();

    TenantTopicRouter(TopicNames names) {
        this.names = names;
    }

    @Override
    public String extract(String mailboxId, AffectedAccount account, RecordContext context) {
        return topicByTenant.computeIfAbsent(account.getTenant(), names::tenantAffectedAccounts);
    }
}
