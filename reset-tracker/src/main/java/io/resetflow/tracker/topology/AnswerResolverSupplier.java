package io.resetflow.tracker.topology;

import io.resetflow.avro.IspCommandAnswer;
import io.resetflow.avro.RejectReason;
import io.resetflow.avro.RejectedRow;
import io.resetflow.avro.SourceReference;
import io.resetflow.tracker.metrics.TrackerMetrics;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Checks the answers read from every tenant's command-answers topic: the tenant is taken from the
 * topic, and an answer naming another tenant is refused, so an ISP can only ever answer for itself.
 * Accepted answers are keyed by their mailboxId for the repartition that follows.
 */
public final class AnswerResolverSupplier
        implements ProcessorSupplier<String, IspCommandAnswer, String, AnswerResolverSupplier.Resolution> {

    public sealed interface Resolution {
    }

    public record Accepted(IspCommandAnswer answer) implements Resolution {
    }

    public record Refused(RejectedRow row) implements Resolution {
    }

    private final Map<String, String> tenantByTopic;
    private final TrackerMetrics metrics;

    public AnswerResolverSupplier(Map<String, String> tenantByTopic, TrackerMetrics metrics) {
        this.tenantByTopic = Map.copyOf(tenantByTopic);
        this.metrics = metrics;
    }

    @Override
    public Processor<String, IspCommandAnswer, String, Resolution> get() {
        return new Processor<>() {
            private ProcessorContext<String, Resolution> context;

            @Override
            public void init(ProcessorContext<String, Resolution> context) {
                this.context = context;
            }

            @Override
            public void process(Record<String, IspCommandAnswer> record) {
                String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("");
                String tenant = tenantByTopic.get(topic);
                IspCommandAnswer answer = record.value();
                if (answer == null || tenant == null) {
                    metrics.resetRejected(RejectReason.OTHER);
                    return;
                }
                if (!tenant.equals(answer.getTenant())) {
                    metrics.resetRejected(RejectReason.TENANT_DOMAIN_MISMATCH);
                    context.forward(record.withKey(answer.getCommandId()).withValue(new Refused(refused(answer, topic,
                            RejectReason.TENANT_DOMAIN_MISMATCH, "answer names tenant " + answer.getTenant()
                                    + " but came on " + tenant + "'s topic",
                            Instant.ofEpochMilli(context.currentSystemTimeMs())))));
                    return;
                }
                context.forward(record.withKey(answer.getMailboxId()).withValue(new Accepted(answer)));
            }
        };
    }

    /** A refused answer; RejectedRow's source names the answers topic as "file" and the command id as "importId". */
    static RejectedRow refused(IspCommandAnswer answer, String topic, RejectReason reason, String detail, Instant now) {
        return RejectedRow.newBuilder().setReason(reason).setDetail(detail)
                .setSource(SourceReference.newBuilder().setFile(topic).setLine(0).setImportId(answer.getCommandId()).build())
                .setTenant(answer.getTenant()).setAddress(null).setRejectedAt(now).build();
    }
}
