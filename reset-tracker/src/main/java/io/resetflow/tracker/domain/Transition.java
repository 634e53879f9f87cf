package io.resetflow.tracker.domain;

import io.resetflow.avro.RemediationState;
import io.resetflow.avro.StateReason;
import java.time.Instant;
import java.util.Optional;

/** One step of the state machine; {@code from} is empty when the mailbox entered remediation. */
public record Transition(Optional<RemediationState> from, RemediationState to, StateReason reason, Instant at) {

    public static Transition entered(RemediationState to, StateReason reason, Instant at) {
        return new Transition(Optional.empty(), to, reason, at);
    }

    public static Transition between(RemediationState from, RemediationState to, StateReason reason, Instant at) {
        return new Transition(Optional.of(from), to, reason, at);
    }
}
