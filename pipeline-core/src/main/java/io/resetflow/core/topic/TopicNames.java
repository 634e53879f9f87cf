package io.resetflow.core.topic;

import java.util.List;

/**
 * Every topic name ResetFlow uses, by role. Per-tenant topics follow {@code isp.<tenant>.<role>},
 * the prefix ISPs are granted ACLs on; the prefix is configurable for shared clusters.
 */
public record TopicNames(String sharedPrefix, String tenantPrefix) {

    /** The prefix of every per-tenant topic, and of the ACLs that give an ISP its own. */
    public static final String TENANT_PREFIX = "isp.";
    public static final TopicNames DEFAULT = new TopicNames("", TENANT_PREFIX);

    /** The deployment's names: its shared prefix, the tenant prefix every deployment uses. */
    public static TopicNames withSharedPrefix(String sharedPrefix) {
        return new TopicNames(sharedPrefix, TENANT_PREFIX);
    }

    public static final String AFFECTED_ACCOUNTS = "affected-accounts";
    public static final String PASSWORD_RESETS = "password-resets";
    public static final String FORCE_RESETS = "force-resets";
    public static final String REMEDIATION_STATUS = "remediation-status";
    public static final String COMMAND_ANSWERS = "command-answers";
    /** What the tracker refused of the ISP's own feeds, and why: the ISP reads it to fix its feed. */
    public static final String REJECTED_EVENTS = "rejected-events";

    /** The per-tenant roles, in the order they are created and documented. */
    public static final List<String> TENANT_ROLES = List.of(AFFECTED_ACCOUNTS, PASSWORD_RESETS, FORCE_RESETS,
            REMEDIATION_STATUS, COMMAND_ANSWERS, REJECTED_EVENTS);

    /** Per-tenant roles whose topics are compacted: the latest record per mailbox is the one that counts. */
    public static final List<String> COMPACTED_TENANT_ROLES = List.of(FORCE_RESETS, REMEDIATION_STATUS);

    public String breachAffectedAccounts() {
        return sharedPrefix + "breach.affected-accounts";
    }

    public String breachRejected() {
        return sharedPrefix + "breach.affected-accounts.rejected";
    }

    public String remediationIntake() {
        return sharedPrefix + "remediation.intake";
    }

    /**
     * The tenant's notification requests. One topic per tenant lets the notifier pause exactly the
     * tenant that is held (quiet hours, paused, relay down) while the others keep flowing. Not under
     * the tenant prefix: no ISP reads or writes it.
     */
    public String notifyRequests(String tenant) {
        return sharedPrefix + "notify.requests." + tenant;
    }

    public String notifyOutcomes() {
        return sharedPrefix + "notify.outcomes";
    }

    /** Compacted record of every notification that reached a final outcome, keyed by notification id. */
    public String notifySentLedger() {
        return sharedPrefix + "notify.sent-ledger";
    }

    public String remediationProgress() {
        return sharedPrefix + "remediation.progress";
    }

    /** Operations' re-drive requests; written to every partition, read by the tracker, by operations only. */
    public String remediationRedrives() {
        return sharedPrefix + "remediation.redrives";
    }

    public String resetsRejected() {
        return sharedPrefix + "remediation.resets.rejected";
    }

    public String deadLetter(String application) {
        return sharedPrefix + application + ".dead-letter";
    }

    public String tenantTopic(String tenant, String role) {
        return tenantPrefix + tenant + "." + role;
    }

    public String tenantAffectedAccounts(String tenant) {
        return tenantTopic(tenant, AFFECTED_ACCOUNTS);
    }

    public String tenantPasswordResets(String tenant) {
        return tenantTopic(tenant, PASSWORD_RESETS);
    }

    public String tenantForceResets(String tenant) {
        return tenantTopic(tenant, FORCE_RESETS);
    }

    public String tenantRemediationStatus(String tenant) {
        return tenantTopic(tenant, REMEDIATION_STATUS);
    }

    /** The ISP's answers to the commands on its force-resets topic. */
    public String tenantCommandAnswers(String tenant) {
        return tenantTopic(tenant, COMMAND_ANSWERS);
    }

    public String tenantRejectedEvents(String tenant) {
        return tenantTopic(tenant, REJECTED_EVENTS);
    }

    /** The tenant whose topic this is, for a topic under the tenant prefix. */
    public java.util.Optional<String> tenantOfTopic(String topic) {
        if (topic == null || !topic.startsWith(tenantPrefix)) {
            return java.util.Optional.empty();
        }
        int dot = topic.indexOf('.', tenantPrefix.length());
        return dot < 0 ? java.util.Optional.empty() : java.util.Optional.of(topic.substring(tenantPrefix.length(), dot));
    }

    /** The ACL prefix that grants an ISP its own topics and nothing else. */
    public String tenantAclPrefix(String tenant) {
        return tenantPrefix + tenant + ".";
    }

    public List<String> sharedTopics() {
        return List.of(breachAffectedAccounts(), breachRejected(), remediationIntake(), notifyOutcomes(),
                notifySentLedger(), remediationProgress(), resetsRejected(), remediationRedrives());
    }
}
