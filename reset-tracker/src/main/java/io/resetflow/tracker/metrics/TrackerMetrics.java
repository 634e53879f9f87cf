package io.resetflow.tracker.metrics;

import io.resetflow.avro.CommandAnswerKind;
import io.resetflow.avro.IspAction;
import io.resetflow.avro.NoticeKind;
import io.resetflow.avro.RejectReason;

/** What the topology reports about itself; Micrometer in the service, a no-op in topology tests. */
public interface TrackerMetrics {

    TrackerMetrics NONE = new TrackerMetrics() {
    };

    default void noticeRequested(String tenant, NoticeKind kind) {
    }

    default void noticeDeferred(String tenant, String cause) {
    }

    default void resetRejected(RejectReason reason) {
    }

    default void outcomeForUnknownMailbox() {
    }

    default void commandIssued(String tenant, IspAction action, int attempt) {
    }

    /** A command had no final answer after its last attempt: its mailbox is escalated (or, for the other channel, left to its deadline). */
    default void commandExhausted(String tenant, IspAction action) {
    }

    default void commandAnswered(String tenant, IspAction action, CommandAnswerKind answer) {
    }

    default void commandCancelled(String tenant, IspAction action) {
    }

    default void redriven(String tenant, int mailboxes) {
    }

    default void timersFired(int count) {
    }

    /** Due timers left for the next tick because a tick's work is bounded. */
    default void timersLeftOver(int count) {
    }
}
