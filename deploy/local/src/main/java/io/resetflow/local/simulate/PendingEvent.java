package io.resetflow.local.simulate;

import io.resetflow.avro.ResetActor;

/**
 * A reset, confirmation or answer the simulator will report once the wall clock reaches dueAtMs: a
 * reset event when {@code commandId} is null, else a DONE answer to that command.
 */
record PendingEvent(long dueAtMs, String tenant, String mailboxId, ResetActor actor, String eventId, String commandId) {

    PendingEvent(long dueAtMs, String tenant, String mailboxId, ResetActor actor, String eventId) {
        this(dueAtMs, tenant, mailboxId, actor, eventId, null);
    }

    static PendingEvent answer(long dueAtMs, String tenant, String mailboxId, String commandId) {
        return new PendingEvent(dueAtMs, tenant, mailboxId, null, "sim-" + commandId, commandId);
    }
}
