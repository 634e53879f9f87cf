package io.resetflow.tracker.report;

import io.resetflow.core.tenant.Tenants;
import java.time.Instant;

/**
 * What the report says about the incident itself: the breach cut-off (resets before it do not
 * count), when the campaign started, and each ISP's configured policy.
 */
public record Incident(Instant breachCutoff, Instant campaignStart, Tenants tenants) {
}
