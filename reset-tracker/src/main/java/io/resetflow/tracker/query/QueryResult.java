package io.resetflow.tracker.query;

import org.apache.kafka.streams.state.HostInfo;

/** The answer of an interactive query: found here, held by another instance, absent, or not yet queryable. */
public sealed interface QueryResult<T> {

    record Found<T>(T value) implements QueryResult<T> {
    }

    record OnAnotherInstance<T>(HostInfo host) implements QueryResult<T> {
    }

    record NotFound<T>() implements QueryResult<T> {
    }

    /** The store is restoring or migrating: ask again later (HTTP 503 with Retry-After). */
    record Unavailable<T>(String reason) implements QueryResult<T> {
    }
}
