package io.resetflow.tracker.reconcile;

import io.resetflow.core.tenant.Tenants;
import io.resetflow.core.topic.TopicNames;
import java.util.ArrayList;
import java.util.List;

/** One topic reconciliation reads, what it is evidence of and, for a per-tenant topic, whose. */
record EvidenceTopic(String topic, Evidence evidence, String tenant) {

    /** Every topic that says what happened to a mailbox, in the order they are read. */
    static List<EvidenceTopic> all(TopicNames names, Tenants tenants) {
        List<EvidenceTopic> topics = new ArrayList<>();
        topics.add(new EvidenceTopic(names.breachAffectedAccounts(), Evidence.BREACH_ROWS, null));
        topics.add(new EvidenceTopic(names.breachRejected(), Evidence.REJECTED_ROWS, null));
        topics.add(new EvidenceTopic(names.remediationIntake(), Evidence.ACCEPTED, null));
        topics.add(new EvidenceTopic(names.notifyOutcomes(), Evidence.OUTCOMES, null));
        topics.add(new EvidenceTopic(names.remediationRedrives(), Evidence.REDRIVES, null));
        for (String tenant : tenants.ids()) {
            topics.add(new EvidenceTopic(names.tenantRemediationStatus(tenant), Evidence.STATUS, tenant));
            topics.add(new EvidenceTopic(names.notifyRequests(tenant), Evidence.REQUESTS, tenant));
            topics.add(new EvidenceTopic(names.tenantForceResets(tenant), Evidence.COMMANDS, tenant));
            topics.add(new EvidenceTopic(names.tenantCommandAnswers(tenant), Evidence.ANSWERS, tenant));
            topics.add(new EvidenceTopic(names.tenantPasswordResets(tenant), Evidence.RESETS, tenant));
        }
        topics.add(new EvidenceTopic(names.remediationProgress(), Evidence.PROGRESS, null));
        return topics;
    }
}
