package io.resetflow.tracker.topology;

import io.resetflow.avro.PasswordResetEvent;
import io.resetflow.core.topic.TopicNames;
import io.resetflow.tracker.metrics.TrackerMetrics;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves the events of every tenant's password-resets topic; the tenant is taken from the topic the
 * event came on, never from the event alone. Resolved events are keyed by mailboxId, refused ones by
 * the ISP's event id.
 */
public final class ResetResolverSupplier implements ProcessorSupplier<String, PasswordResetEvent, String, ResetResolverSupplier.Resolution> {

    private static final Logger LOG = LoggerFactory.getLogger(ResetResolverSupplier.class);

    public sealed interface Resolution {
    }

    public record Accepted(PasswordResetEvent event) implements Resolution {
    }

    public record Refused(io.resetflow.avro.RejectedRow row) implements Resolution {
    }

    private final ResetEventResolver resolver;
    private final Map<String, String> tenantByTopic;
    private final TopicNames topicNames;
    private final TrackerMetrics metrics;

    public ResetResolverSupplier(ResetEventResolver resolver, Map<String, String> tenantByTopic, TopicNames topicNames,
                                 TrackerMetrics metrics) {
        this.resolver = resolver;
        this.tenantByTopic = Map.copyOf(tenantByTopic);
        this.topicNames = topicNames;
        this.metrics = metrics;
    }

    @Override
    public Processor<String, PasswordResetEvent, String, Resolution> get() {
        return new Processor<>() {
            private ProcessorContext<String, Resolution> context;

            @Override
            public void init(ProcessorContext<String, Resolution> context) {
                this.context = context;
            }

            @Override
            public void process(Record<String, PasswordResetEvent> record) {
                String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("");
                String tenant = tenantByTopic.get(topic);
                PasswordResetEvent event = record.value();
                if (event == null || tenant == null) {
                    LOG.warn("Reset record without a value or from an unexpected topic {}; skipped", topic);
                    metrics.resetRejected(io.resetflow.avro.RejectReason.OTHER);
                    return;
                }
                ResetEventResolver.Result result = resolver.resolve(event, tenant);
                if (result instanceof ResetEventResolver.Resolved resolved) {
                    context.forward(record.withKey(resolved.mailboxId()).withValue(new Accepted(resolved.event())));
                } else if (result instanceof ResetEventResolver.Refused refused) {
                    metrics.resetRejected(refused.reason());
                    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
                    context.forward(record.withKey(event.getEventId()).withValue(new Refused(
                            OutputRecords.rejectedReset(event, topicNames.tenantPasswordResets(tenant), refused.reason(),
                                    refused.detail(), now))));
                }
            }
        };
    }
}
