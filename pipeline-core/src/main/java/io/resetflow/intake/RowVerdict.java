package io.resetflow.intake;

import io.resetflow.avro.BreachRow;
import io.resetflow.avro.RejectedRow;

/** What validation and normalization made of one breach row: an identified, normalized row or a rejection. */
public sealed interface RowVerdict {

    /**
     * A row intake can accept: its fields in canonical form, with its mailbox id and the partition
     * key of its address (the key the import writes it under).
     */
    record Valid(String mailboxId, String partitionKey, BreachRow normalized) implements RowVerdict {
    }

    /** A row intake rejects, with the reason and the source reference. */
    record Invalid(RejectedRow rejected) implements RowVerdict {
    }
}
