package io.resetflow.tracker.reconcile;

import java.util.Map;

/**
 * The import and intake side, recounted: every row read is unreadable, invalid (rejected for a
 * reason) or valid; every valid row is its mailbox's first occurrence (accepted, or still pending at
 * intake) or a duplicate.
 *
 * @param rowsChecked       false when the mailboxes were not imported from rows (see ReconcileSettings)
 * @param rejectedByReason  what breach.affected-accounts.rejected holds, by reason
 * @param invalidByReason   what re-validating every row gives, by reason
 */
public record IntakeFigures(boolean rowsChecked, long rowsRead, long unreadableRows, Map<String, Long> rejectedByReason,
                            Map<String, Long> invalidByReason, long validRows, long duplicates, long accepted,
                            long pendingAtIntake) {

    public long rejected() {
        return rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    public long invalid() {
        return invalidByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** rows read = accepted + duplicates + rejected + unreadable + pending at intake. */
    public boolean rowsAddUp() {
        return !rowsChecked || rowsRead == accepted + duplicates + invalid() + unreadableRows + pendingAtIntake;
    }
}
