package io.resetflow.core.ops;

/** A started service as its supervisor sees it: it runs until closed, or until it fails on its own. */
public interface RunningService extends AutoCloseable {

    /** Blocks until the service has stopped; true when it stopped on its own (a fatal error), false when closed. */
    boolean awaitStop() throws InterruptedException;
}
