package io.resetflow.tracker.domain;

import java.util.List;

/** The result of applying an event: the mailbox afterwards and the transitions it took (often none). */
public record Change(MailboxRemediation before, MailboxRemediation after, List<Transition> transitions) {

    public Change {
        transitions = List.copyOf(transitions);
    }

    public static Change none(MailboxRemediation unchanged) {
        return new Change(unchanged, unchanged, List.of());
    }

    public boolean hasTransitions() {
        return !transitions.isEmpty();
    }

    /** Whether anything about the mailbox changed, state or not (a notice issued, a delivery noted). */
    public boolean changed() {
        return !before.equals(after);
    }
}
