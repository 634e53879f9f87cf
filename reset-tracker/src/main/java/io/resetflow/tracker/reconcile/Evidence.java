package io.resetflow.tracker.reconcile;

/** What a topic read by reconciliation is evidence of. */
enum Evidence {
    BREACH_ROWS(false, Tracker.NOT_ITS_INPUT),
    REJECTED_ROWS(false, Tracker.NOT_ITS_INPUT),
    ACCEPTED(false, Tracker.INPUT),
    STATUS(true, Tracker.NOT_ITS_INPUT),
    REQUESTS(false, Tracker.NOT_ITS_INPUT),
    OUTCOMES(false, Tracker.INPUT),
    COMMANDS(true, Tracker.NOT_ITS_INPUT),
    ANSWERS(false, Tracker.INPUT),
    RESETS(false, Tracker.INPUT_READ_FOR_BACKLOG_ONLY),
    REDRIVES(false, Tracker.INPUT_READ_FOR_BACKLOG_ONLY),
    PROGRESS(true, Tracker.NOT_ITS_INPUT);

    /** What the topic is to the tracker, whose consumed offsets tell pending from missing. */
    private enum Tracker {
        NOT_ITS_INPUT,
        INPUT,
        /** Its records are no fact; they only show whether the tracker has input left to consume. */
        INPUT_READ_FOR_BACKLOG_ONLY
    }

    private final boolean compacted;
    private final Tracker tracker;

    Evidence(boolean compacted, Tracker tracker) {
        this.compacted = compacted;
        this.tracker = tracker;
    }

    /** A compacted topic keeps each key's latest record: an early offset gone is not evidence lost. */
    boolean compacted() {
        return compacted;
    }

    /** The tracker consumes the topic: a record past its committed offset is input it has not processed. */
    boolean trackerInput() {
        return tracker != Tracker.NOT_ITS_INPUT;
    }

    /** Only the records past the tracker's committed offset matter: reading starts there. */
    boolean readFromTrackerOffset() {
        return tracker == Tracker.INPUT_READ_FOR_BACKLOG_ONLY;
    }
}
