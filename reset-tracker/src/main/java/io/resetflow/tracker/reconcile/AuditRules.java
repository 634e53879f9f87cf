package io.resetflow.tracker.reconcile;

import java.util.Set;

/**
 * What the per-mailbox checks need to know about the whole reading: the configured tenants, the
 * campaign time that answers are judged against, and which evidence is complete (a topic whose early
 * records were deleted cannot prove an absence).
 *
 * @param campaignNow   the campaign time reconciled to, epoch millis
 * @param overdueGraceMs how long past its answer time a command may wait for the tracker's next timer
 */
record AuditRules(Set<String> tenants, long campaignNow, long overdueGraceMs, boolean rowsComplete,
                  boolean acceptedComplete, boolean requestsComplete, boolean outcomesComplete) {
}
