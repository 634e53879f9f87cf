package io.resetflow.intake;

import io.resetflow.avro.BreachRow;
import java.time.Instant;

/** The first occurrence of a mailbox, normalized, as de-duplication let it through. */
public record AcceptedMailbox(String mailboxId, BreachRow row, Instant acceptedAt) {
}
