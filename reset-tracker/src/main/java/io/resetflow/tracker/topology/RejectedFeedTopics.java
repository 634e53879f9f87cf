package io.resetflow.tracker.topology;

import io.resetflow.avro.RejectedRow;
import io.resetflow.core.topic.TopicNames;
import org.apache.kafka.streams.processor.RecordContext;
import org.apache.kafka.streams.processor.TopicNameExtractor;

/**
 * Where a refused ISP event goes: the rejected-events topic of the ISP whose feed it came on (named
 * in the row's source), so that ISP, and no other, reads what it sent wrong and why. A row from any
 * other source stays on operations' shared rejects topic.
 */
final class RejectedFeedTopics implements TopicNameExtractor<String, RejectedRow> {

    private final TopicNames names;

    RejectedFeedTopics(TopicNames names) {
        this.names = names;
    }

    @Override
    public String extract(String key, RejectedRow row, RecordContext context) {
        String source = row.getSource() == null ? null : row.getSource().getFile();
        return names.tenantOfTopic(source).map(names::tenantRejectedEvents).orElse(names.resetsRejected());
    }
}
