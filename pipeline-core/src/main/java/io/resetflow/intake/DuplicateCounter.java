package io.resetflow.intake;

/**
 * Counts, per tenant, what intake passes on changed: the later occurrences of an already accepted
 * mailbox, and rows whose brand is not one of the tenant's (sent with the tenant's default brand).
 */
@FunctionalInterface
public interface DuplicateCounter {

    void duplicate(String tenant);

    default void unknownBrand(String tenant) {
    }
}
