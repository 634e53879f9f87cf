package io.resetflow.tracker.topology;

/** Where the processor's and its timers' outputs go (the processor context, in the end). */
@FunctionalInterface
public interface Emitter {

    void emit(String key, TrackerOutput output);
}
