package io.resetflow.tracker.topology;

import io.resetflow.avro.IspCommand;
import io.resetflow.avro.NotificationRequest;
import io.resetflow.avro.RejectedRow;
import io.resetflow.avro.RemediationStatus;
import io.resetflow.avro.TenantProgress;

/** What the remediation processor emits; the topology routes each kind to its topic. */
public sealed interface TrackerOutput {

    record Notice(NotificationRequest request) implements TrackerOutput {
    }

    record Command(IspCommand command) implements TrackerOutput {
    }

    record Status(RemediationStatus status) implements TrackerOutput {
    }

    record Rejected(RejectedRow row) implements TrackerOutput {
    }

    /** One task's counts for one tenant, keyed {@code tenant|partition}; summed per tenant downstream. */
    record PartialProgress(TenantProgress counts) implements TrackerOutput {
    }
}
