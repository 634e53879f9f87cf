package io.resetflow.intake;

import io.resetflow.avro.BreachRow;
import io.resetflow.avro.RejectedRow;

/** What validation and normalization made of one breach row: a keyed, normalized row or a rejection. */
public sealed interface RowVerdict {

    /** A row intake can accept: its fields in canonical form, keyed by the mailbox id. */
    record Valid(String mailboxId, BreachRow normalized) implements RowVerdict {
    }

    /** A row intake rejects, with the reason and the source reference. */
    record Invalid(RejectedRow rejected) implements RowVerdict {
    }
}
