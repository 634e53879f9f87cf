package io.resetflow.tracker.domain;

import io.resetflow.avro.RemediationState;
import io.resetflow.avro.StateReason;
import java.time.Instant;

/** A state the mailbox entered, why and when: the per-mailbox history shown on the dashboard. */
public record TimelineEntry(RemediationState state, StateReason reason, Instant at) {
}
