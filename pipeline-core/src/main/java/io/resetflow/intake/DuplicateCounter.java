package io.resetflow.intake;

/** Counts the later occurrences of an already accepted mailbox, per tenant. */
@FunctionalInterface
public interface DuplicateCounter {

    void duplicate(String tenant);
}
