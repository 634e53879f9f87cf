package io.resetflow.intake;

import io.resetflow.avro.AffectedAccount;
import io.resetflow.core.topic.TopicNames;
import org.apache.kafka.streams.processor.RecordContext;
import org.apache.kafka.streams.processor.TopicNameExtractor;

/** Sends each accepted mailbox to its own ISP's {@code isp.<tenant>.affected-accounts} topic. */
final class TenantTopicRouter implements TopicNameExtractor<String, AffectedAccount> {

    private final TopicNames names;

    TenantTopicRouter(TopicNames names) {
        this.names = names;
    }

    @Override
    public String extract(String mailboxId, AffectedAccount account, RecordContext context) {
        return names.tenantAffectedAccounts(account.getTenant());
    }
}
