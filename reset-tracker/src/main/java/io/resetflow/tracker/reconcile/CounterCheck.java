package io.resetflow.tracker.reconcile;

import java.time.Instant;
import java.util.Map;

/**
 * A tenant's published progress against the recount: EQUAL, BEHIND (the tracker still had input to
 * consume, so its counters may lag) or DISAGREE (nothing left to consume, and still different).
 */
public record CounterCheck(String tenant, Verdict verdict, Map<String, Long> published, long publishedTotal,
                           Instant asOf) {

    public enum Verdict { EQUAL, BEHIND, DISAGREE, NONE_PUBLISHED }
}
