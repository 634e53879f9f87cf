package io.resetflow.local.simulate;

import io.resetflow.avro.ResetActor;

/** A reset or confirmation the simulator will report once the wall clock reaches dueAtMs. */
record PendingEvent(long dueAtMs, String tenant, String mailboxId, ResetActor actor, String eventId) {
}
