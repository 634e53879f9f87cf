package io.resetflow.tracker.topology;

import io.resetflow.avro.DeliveryOutcome;
import io.resetflow.avro.DeliveryStatus;
import io.resetflow.avro.IntakeRecord;
import io.resetflow.avro.IspCommandAnswer;
import io.resetflow.avro.PasswordResetEvent;
import io.resetflow.avro.RedriveRequest;
import io.resetflow.avro.RejectReason;
import io.resetflow.avro.RemediationState;
import io.resetflow.core.tenant.RemediationPolicy;
import io.resetflow.core.tenant.Tenants;
import io.resetflow.core.time.CampaignClock;
import io.resetflow.core.topic.TopicNames;
import io.resetflow.tracker.domain.MailboxDecision;
import io.resetflow.tracker.domain.MailboxRemediation;
import io.resetflow.tracker.domain.NotificationIds;
import io.resetflow.tracker.domain.RemediationEvent;
import io.resetflow.tracker.domain.RemediationEvent.CommandAnswered;
import io.resetflow.tracker.domain.RemediationEvent.DeliveryReported;
import io.resetflow.tracker.domain.RemediationEvent.PasswordChanged;
import io.resetflow.tracker.domain.RemediationEvent.Redriven;
import io.resetflow.tracker.domain.RemediationSchedule;
import io.resetflow.tracker.metrics.TrackerMetrics;
import io.resetflow.tracker.topology.ProgressPublisher;
import io.resetflow.tracker.progress.TaskCounts;
import io.resetflow.tracker.timers.DueIndex;
import io.resetflow.tracker.timers.SendWindow;
import io.resetflow.tracker.timers.TickBound;
import io.resetflow.tracker.topology.TimerPunctuator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-mailbox state machine in the topology: applies intake records, delivery outcomes and ISP
 * reset events to the stored mailbox, and lets its timers act on what comes due.
 */
public final class RemediationProcessor implements Processor<String, TrackerInput, String, TrackerOutput> {

    private static final Logger LOG = LoggerFactory.getLogger(RemediationProcessor.class);

    private final Settings settings;
    private ProcessorContext<String, TrackerOutput> context;
    private MailboxRepository repository;
    private MailboxSettler settler;
    private PendingResets pendingResets;
    private ProgressPublisher progress;

    /** What the processor needs besides its stores. */
    public record Settings(Tenants tenants, TopicNames topicNames, CampaignClock clock, RemediationSchedule schedule,
                           int partitions, Duration unknownResetGrace, Duration timerInterval, TickBound timerTickBound,
                           Duration progressInterval, TrackerMetrics metrics) {
    }

    RemediationProcessor(Settings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, TrackerOutput> context) {
        this.context = context;
        DueIndex due = new DueIndex(context.getStateStore(TrackerStores.DUE));
        TaskCounts counts = new TaskCounts(context.getStateStore(TrackerStores.COUNTS));
        repository = new MailboxRepository(context.getStateStore(TrackerStores.MAILBOXES), due,
                context.getStateStore(TrackerStores.BY_STATE), counts);
        settler = new MailboxSettler(repository, new MailboxDecision(settings.schedule()), settings.tenants(),
                new SendWindow(context.getStateStore(TrackerStores.SENT_PER_DAY), settings.partitions()),
                settings.metrics());
        pendingResets = new PendingResets(context.getStateStore(TrackerStores.PENDING_RESETS), due);
        progress = new ProgressPublisher(counts, settings.tenants().ids(), context.taskId().partition());
        TimerPunctuator timers = new TimerPunctuator(repository, settler, pendingResets, settings.clock(),
                settings.timerTickBound(), settings.metrics(), this::rejectUnknownMailbox, progress::touched);
        context.schedule(settings.timerInterval(), PunctuationType.WALL_CLOCK_TIME,
                timestamp -> timers.tick(timestamp, emitterAt(timestamp)));
        context.schedule(settings.progressInterval(), PunctuationType.WALL_CLOCK_TIME,
                timestamp -> progress.publish(settings.clock().toCampaign(timestamp), emitterAt(timestamp)));
    }

    @Override
    public void process(Record<String, TrackerInput> record) {
        Instant now = settings.clock().toCampaign(context.currentSystemTimeMs());
        Emitter out = emitterAt(record.timestamp());
        TrackerInput input = record.value();
        if (input instanceof TrackerInput.Intake intake) {
            accept(intake.record(), now, out);
        } else if (input instanceof TrackerInput.Outcome outcome) {
            delivered(outcome.outcome(), now, out);
        } else if (input instanceof TrackerInput.Reset reset) {
            reset(reset.event(), now, out);
        } else if (input instanceof TrackerInput.Answer answer) {
            answered(answer.answer(), now, out);
        } else if (input instanceof TrackerInput.Redrive redrive) {
            redrive(redrive.request(), now, out);
        }
    }

    private void accept(IntakeRecord intake, Instant now, Emitter out) {
        if (settings.tenants().byId(intake.getTenant()).isEmpty()) {
            // Routed to the dead-letter topic by the processing exception handler.
            throw new IllegalArgumentException("intake record of unconfigured tenant " + intake.getTenant());
        }
        if (repository.find(intake.getMailboxId()).isPresent()) {
            LOG.debug("Mailbox {} already in remediation; repeated intake record ignored", intake.getMailboxId());
            return;
        }
        boolean lockInactive = settings.tenants().require(intake.getTenant()).policy().inactiveAccounts()
                == RemediationPolicy.InactiveAccounts.LOCK;
        MailboxRemediation m = MailboxRemediation.accept(intake, lockInactive, now).after();
        for (PasswordResetEvent early : pendingResets.takeAll(intake.getMailboxId())) {
            if (sameTenant(m, early, now, out)) {
                m = m.apply(new PasswordChanged(early.getActor(), early.getChangedAt())).after();
            }
        }
        emit(m.mailboxId(), settler.settle(null, m, Optional.empty(), now), out);
        progress.touched(m.tenant());
    }

    private void delivered(DeliveryOutcome outcome, Instant now, Emitter out) {
        Optional<TrackedMailbox> stored = repository.find(outcome.getMailboxId());
        if (stored.isEmpty()) {
            LOG.warn("Delivery outcome {} for mailbox {} that is not in remediation", outcome.getNotificationId(),
                    outcome.getMailboxId());
            settings.metrics().outcomeForUnknownMailbox();
            return;
        }
        MailboxRemediation m = stored.get().remediation();
        repository.counts().outcomeReported(m.tenant(), outcome.getStatus());
        if (outcome.getStatus() != DeliveryStatus.DEFERRED) {
            repository.counts().delivery(m.tenant(), outcome.getChannel(), outcome.getStatus());
        }
        int sequence = NotificationIds.sequenceOf(outcome.getNotificationId()).orElse(0);
        settle(stored.get(), new DeliveryReported(outcome.getKind(), sequence, outcome.getStatus(),
                outcome.getChannel(), outcome.getOccurredAt()), now, out);
    }

    private void reset(PasswordResetEvent event, Instant now, Emitter out) {
        String mailboxId = event.getMailboxId();
        Optional<TrackedMailbox> stored = repository.find(mailboxId);
        if (stored.isEmpty()) {
            pendingResets.park(mailboxId, event, now.plus(settings.unknownResetGrace()));
            return;
        }
        if (sameTenant(stored.get().remediation(), event, now, out)) {
            settle(stored.get(), new PasswordChanged(event.getActor(), event.getChangedAt()), now, out);
        }
    }

    /** An ISP reports resets of its own mailboxes only; another tenant's is rejected (defence in depth). */
    private boolean sameTenant(MailboxRemediation m, PasswordResetEvent event, Instant now, Emitter out) {
        if (m.tenant().equals(event.getTenant())) {
            return true;
        }
        reject(event, RejectReason.TENANT_DOMAIN_MISMATCH,
                "mailbox belongs to another tenant than the one reporting the reset", now, out);
        return false;
    }

    /** Sends the last notice again to this task's undeliverable mailboxes of the tenant with one of the reasons. */
    private void redrive(RedriveRequest request, Instant now, Emitter out) {
        if (settings.tenants().byId(request.getTenant()).isEmpty()) {
            LOG.warn("Re-drive {} names unknown tenant {}; ignored", request.getRequestId(), request.getTenant());
            return;
        }
        Redriven redriven = new Redriven(Set.copyOf(request.getReasons()), now);
        int count = 0;
        for (String mailboxId : repository.mailboxIdsIn(request.getTenant(), RemediationState.UNDELIVERABLE)) {
            TrackedMailbox stored = repository.find(mailboxId).orElseThrow();
            if (stored.remediation().apply(redriven).changed()) {
                settle(stored, redriven, now, out);
                count++;
            }
        }
        LOG.info("Re-drive {} by {}: {} mailboxes of {} sent their last notice again (task {})", request.getRequestId(),
                request.getRequestedBy(), count, request.getTenant(), context.taskId());
        settings.metrics().redriven(request.getTenant(), count);
    }

    private void answered(IspCommandAnswer answer, Instant now, Emitter out) {
        Optional<TrackedMailbox> stored = repository.find(answer.getMailboxId());
        String topic = settings.topicNames().tenantCommandAnswers(answer.getTenant());
        if (stored.isEmpty() || !stored.get().remediation().tenant().equals(answer.getTenant())) {
            // Another tenant's mailbox is answered as unknown: nothing tells the ISP it exists.
            settings.metrics().resetRejected(RejectReason.UNKNOWN_MAILBOX);
            out.emit(answer.getCommandId(), new TrackerOutput.Rejected(AnswerResolverSupplier.refused(answer, topic,
                    RejectReason.UNKNOWN_MAILBOX, "no mailbox " + answer.getMailboxId() + " of " + answer.getTenant()
                            + " is in remediation", now)));
            return;
        }
        MailboxRemediation m = stored.get().remediation();
        RemediationPolicy policy = settings.tenants().require(m.tenant()).policy();
        CommandAnswered answered = new CommandAnswered(answer.getCommandId(), answer.getAnswer(), answer.getRefusal(),
                answer.getAnsweredBy(), now, now.plus(policy.commandAnswerTimeout()));
        if (m.command() != null && m.apply(answered).changed()) {
            settings.metrics().commandAnswered(m.tenant(), m.command().action(), answer.getAnswer());
        }
        settle(stored.get(), answered, now, out);
    }

    /** The one place an input reaches a stored mailbox: one decision, applied once, its records emitted. */
    private void settle(TrackedMailbox stored, RemediationEvent input, Instant now, Emitter out) {
        emit(stored.remediation().mailboxId(), settler.settle(stored, stored.remediation(), Optional.of(input), now), out);
        progress.touched(stored.remediation().tenant());
    }

    private static void emit(String mailboxId, List<TrackerOutput> outputs, Emitter out) {
        outputs.forEach(output -> out.emit(mailboxId, output));
    }

    private void rejectUnknownMailbox(PasswordResetEvent event, Instant now, Emitter out) {
        reject(event, RejectReason.UNKNOWN_MAILBOX, "no mailbox " + event.getMailboxId()
                + " was accepted into remediation within the grace period", now, out);
    }

    private void reject(PasswordResetEvent event, RejectReason reason, String detail, Instant now, Emitter out) {
        settings.metrics().resetRejected(reason);
        out.emit(event.getEventId(), new TrackerOutput.Rejected(OutputRecords.rejectedReset(event,
                settings.topicNames().tenantPasswordResets(event.getTenant()), reason, detail, now)));
    }

    private Emitter emitterAt(long timestamp) {
        return (key, output) -> context.forward(new Record<>(key, output, timestamp));
    }
}
