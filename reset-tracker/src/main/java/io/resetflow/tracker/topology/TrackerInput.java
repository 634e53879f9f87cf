package io.resetflow.tracker.topology;

import io.resetflow.avro.DeliveryOutcome;
import io.resetflow.avro.IntakeRecord;
import io.resetflow.avro.IspCommandAnswer;
import io.resetflow.avro.PasswordResetEvent;
import io.resetflow.avro.RedriveRequest;

/** The inputs of the remediation processor, all keyed by mailboxId. */
public sealed interface TrackerInput {

    record Intake(IntakeRecord record) implements TrackerInput {
    }

    record Outcome(DeliveryOutcome outcome) implements TrackerInput {
    }

    /** A reset event already resolved to its mailboxId and checked against the cut-off. */
    record Reset(PasswordResetEvent event) implements TrackerInput {
    }

    /** Operations re-drive a tenant's undeliverable mailboxes; every task receives its own copy. */
    record Redrive(RedriveRequest request) implements TrackerInput {
    }

    /** An ISP's answer to a command, read from the tenant's own answers topic. */
    record Answer(IspCommandAnswer answer) implements TrackerInput {
    }
}
