package io.resetflow.embedded.registry;

import java.util.Locale;
import java.util.Optional;

/** The compatibility levels of the Confluent Schema Registry: which earlier versions a new schema must match, and how. */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** The new schema must read data written with the earlier ones. */
    boolean backward() {
        return backward;
    }

    /** The earlier schemas must read data written with the new one. */
    boolean forward() {
        return forward;
    }

    /** Checked against every earlier version, not only the latest. */
    boolean transitive() {
        return transitive;
    }

    static Optional<CompatibilityLevel> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
