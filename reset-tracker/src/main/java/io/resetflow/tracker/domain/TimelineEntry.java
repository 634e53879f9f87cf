package io.resetflow.tracker.domain;

import io.resetflow.avro.RemediationState;
import io.resetflow.avro.StateReason;
import java.time.Instant;

/**
 * A state the mailbox entered (or an ISP's answer noted in it), why, when and, for an answer, who
 * gave it: the per-mailbox history shown on the dashboard. {@code by} is null for ResetFlow's own steps.
 */
public record TimelineEntry(RemediationState state, StateReason reason, Instant at, String by) {

    public TimelineEntry(RemediationState state, StateReason reason, Instant at) {
        this(state, reason, at, null);
    }
}
