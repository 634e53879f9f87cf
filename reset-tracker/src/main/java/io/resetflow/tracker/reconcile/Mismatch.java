package io.resetflow.tracker.reconcile;

/**
 * One disagreement: what kind, whose (tenant, and the mailbox when it is about one; never an
 * address) and what disagrees, in words.
 */
public record Mismatch(MismatchKind kind, String tenant, String mailboxId, String detail) {
}
