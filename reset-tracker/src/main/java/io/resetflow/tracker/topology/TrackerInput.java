package io.resetflow.tracker.topology;

import io.resetflow.avro.DeliveryOutcome;
import io.resetflow.avro.IntakeRecord;
import io.resetflow.avro.PasswordResetEvent;

/** The three inputs of the remediation processor, all keyed by mailboxId. */
public sealed interface TrackerInput {

    record Intake(IntakeRecord record) implements TrackerInput {
    }

    record Outcome(DeliveryOutcome outcome) implements TrackerInput {
    }

    /** A reset event already resolved to its mailboxId and checked against the cut-off. */
    record Reset(PasswordResetEvent event) implements TrackerInput {
    }
}
