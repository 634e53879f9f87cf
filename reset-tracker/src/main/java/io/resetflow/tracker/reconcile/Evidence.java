package io.resetflow.tracker.reconcile;

/** What a topic read by reconciliation is evidence of. */
enum Evidence {
    BREACH_ROWS(false),
    REJECTED_ROWS(false),
    ACCEPTED(false),
    STATUS(true),
    REQUESTS(false),
    OUTCOMES(false),
    COMMANDS(true),
    ANSWERS(false),
    RESETS(false),
    REDRIVES(false),
    PROGRESS(true);

    private final boolean compacted;

    Evidence(boolean compacted) {
        this.compacted = compacted;
    }

    /** A compacted topic keeps each key's latest record: an early offset gone is not evidence lost. */
    boolean compacted() {
        return compacted;
    }
}
