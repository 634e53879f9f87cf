package io.resetflow.tracker.reconcile;

import io.resetflow.core.access.ServiceIds;
import io.resetflow.core.tenant.Tenants;
import io.resetflow.core.topic.TopicNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What a reconciliation reads and how: topic names and tenants of the deployment, the mailbox-id
 * secret (to re-validate the breach rows as intake did), client settings with read access to every
 * evidence topic and to the services' committed offsets, and where it may spill.
 *
 * @param settle       how long to wait for the tracker's counters to catch up before they disagree
 * @param overdueGrace how long past its answer time a command may wait for the tracker's next timer
 * @param listed       how many mismatches are kept in full (all are counted)
 * @param breachRows   whether the mailboxes came from breach rows (a tracker benchmark writes
 *                     remediation.intake itself: then rows and rejections are not checked)
 */
public record ReconcileSettings(TopicNames names, Tenants tenants, String mailboxIdSecret,
                                Map<String, Object> clientProperties, String schemaRegistryUrl, ServiceIds services,
                                Path workDir, Duration settle, Duration overdueGrace, int listed,
                                boolean breachRows) {
}
