package io.resetflow.tracker.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.resetflow.avro.CommandAnswerKind;
import io.resetflow.avro.IspAction;
import io.resetflow.avro.NoticeKind;
import io.resetflow.avro.RejectReason;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The topology's counters as Prometheus metrics; tags carry tenants and kinds, never mailboxes. */
public final class MicrometerTrackerMetrics implements TrackerMetrics {

    private final MeterRegistry registry;
    private final AtomicLong leftOver = new AtomicLong();
    private final Counter timersFired;
    private final Counter unknownOutcomes;
    private final Map<String, Counter> noticesRequested = new ConcurrentHashMap<>();

    public MicrometerTrackerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.timersFired = Counter.builder("resetflow.tracker.timers.fired")
                .description("Due timers handled by the punctuator").register(registry);
        this.unknownOutcomes = Counter.builder("resetflow.tracker.outcomes.unknown.mailbox")
                .description("Delivery outcomes naming a mailbox not in remediation").register(registry);
        Gauge.builder("resetflow.tracker.timers.backlog", leftOver, AtomicLong::get)
                .description("Due timers left for the next tick by the last tick of a task").register(registry);
    }

    /** Called for every notice: the counter is looked up once per tenant and kind, not registered each time. */
    @Override
    public void noticeRequested(String tenant, NoticeKind kind) {
        noticesRequested.computeIfAbsent(tenant + "|" + kind.name(), key -> Counter
                .builder("resetflow.tracker.notices.requested").description("Notification requests issued")
                .tag("tenant", tenant).tag("kind", kind.name()).register(registry)).increment();
    }

    @Override
    public void noticeDeferred(String tenant, String cause) {
        Counter.builder("resetflow.tracker.notices.deferred")
                .description("Due notices held back by quiet hours or the daily cap")
                .tag("tenant", tenant).tag("cause", cause).register(registry).increment();
    }

    @Override
    public void resetRejected(RejectReason reason) {
        Counter.builder("resetflow.tracker.resets.rejected").description("ISP reset events rejected")
                .tag("reason", reason.name()).register(registry).increment();
    }

    @Override
    public void commandIssued(String tenant, IspAction action, int attempt) {
        Counter.builder("resetflow.tracker.commands.issued")
                .description("Commands published to ISPs; attempt 1 is the first, later ones re-issue an unanswered command")
                .tag("tenant", tenant).tag("action", action.name()).tag("attempt", attempt == 1 ? "first" : "repeat")
                .register(registry).increment();
    }

    @Override
    public void commandExhausted(String tenant, IspAction action) {
        Counter.builder("resetflow.tracker.commands.exhausted")
                .description("Commands without a final answer after their last attempt (force reset and lock: escalated)")
                .tag("tenant", tenant).tag("action", action.name()).register(registry).increment();
    }

    @Override
    public void commandAnswered(String tenant, IspAction action, CommandAnswerKind answer) {
        Counter.builder("resetflow.tracker.commands.answered").description("ISP answers to commands")
                .tag("tenant", tenant).tag("action", action.name()).tag("answer", answer.name())
                .register(registry).increment();
    }

    @Override
    public void commandCancelled(String tenant, IspAction action) {
        Counter.builder("resetflow.tracker.commands.cancelled")
                .description("Open commands withdrawn because the customer reset the password first")
                .tag("tenant", tenant).tag("action", action.name()).register(registry).increment();
    }

    @Override
    public void redriven(String tenant, int mailboxes) {
        Counter.builder("resetflow.tracker.redriven").description("Undeliverable mailboxes whose last notice an operator's re-drive sent again")
                .tag("tenant", tenant).register(registry).increment(mailboxes);
    }

    @Override
    public void outcomeForUnknownMailbox() {
        unknownOutcomes.increment();
    }

    @Override
    public void timersFired(int count) {
        timersFired.increment(count);
    }

    @Override
    public void timersLeftOver(int count) {
        leftOver.set(count);
    }
}
