package io.resetflow.tracker.metrics;

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

    default void timersFired(int count) {
    }

    /** Due timers left for the next tick because a tick's work is bounded. */
    default void timersLeftOver(int count) {
    }
}
