package io.resetflow.tracker.reconcile;

import io.resetflow.avro.CommandAnswerKind;
import io.resetflow.avro.DeliveryStatus;
import io.resetflow.avro.IspAction;
import io.resetflow.avro.NoticeKind;
import io.resetflow.avro.RemediationState;
import io.resetflow.avro.StateReason;
import io.resetflow.tracker.domain.OpenCommand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks on one mailbox's facts, and its share of the recount: accepted once, from a valid row;
 * in exactly one state, on its tenant's topic, with a reason that fits; every notice the notifier got
 * through has exactly one final outcome; every command ends in a final answer, a cancel, an open
 * follow-up with a due time, or an escalation. What a service has not consumed yet is pending, not a
 * mismatch.
 */
final class MailboxAudit implements MailboxFacts.Sink {

    private static final Set<RemediationState> REMEDIATED = EnumSet.of(RemediationState.RESET_COMPLETED,
            RemediationState.LOCKED);
    private static final Set<RemediationState> MAILED = EnumSet.of(RemediationState.NOTIFIED,
            RemediationState.REMINDED);
    private static final Set<StateReason> REMEDIATING_REASONS = EnumSet.of(StateReason.RESET_BY_CUSTOMER,
            StateReason.RESET_BY_OPERATOR, StateReason.RESET_FORCED_BY_ISP, StateReason.LOCKED_FORMER_ACCOUNT,
            StateReason.LOCKED_BY_ISP);

    private final AuditRules rules;
    private final Recount recount;
    private final Mismatches mismatches;
    private long mailboxes;

    MailboxAudit(AuditRules rules, Recount recount, Mismatches mismatches) {
        this.rules = rules;
        this.recount = recount;
        this.mismatches = mismatches;
    }

    long mailboxes() {
        return mailboxes;
    }

    @Override
    public void accept(MailboxFacts facts) {
        mailboxes++;
        Facts.Accepted accepted = intake(facts);
        Facts.Status status = state(facts, accepted);
        notices(facts, status);
        commands(facts, status);
    }

    private Facts.Accepted intake(MailboxFacts facts) {
        String id = facts.mailboxId();
        List<Facts.ValidRow> rows = facts.validRows;
        if (facts.accepted.isEmpty()) {
            if (!rows.isEmpty()) {
                Facts.ValidRow row = rows.get(0);
                TenantRecount tenant = recount.tenant(row.tenant());
                tenant.validRows += rows.size();
                if (rows.stream().allMatch(Facts.ValidRow::pendingAtIntake)) {
                    tenant.pendingAtIntake++;
                } else {
                    mismatch(MismatchKind.VALID_ROW_NOT_ACCEPTED, row.tenant(), id,
                            rows.size() + " valid row(s) consumed by intake, no record on remediation.intake");
                }
            }
            return null;
        }
        Facts.Accepted accepted = facts.accepted.get(0);
        TenantRecount tenant = recount.tenant(accepted.tenant());
        if (facts.accepted.size() > 1) {
            mismatch(MismatchKind.ACCEPTED_TWICE, accepted.tenant(), id,
                    "accepted " + facts.accepted.size() + " times on remediation.intake");
        }
        if (!rules.tenants().contains(accepted.tenant())) {
            mismatch(MismatchKind.TENANT_NOT_TRACKED, accepted.tenant(), id,
                    "accepted for tenant '" + accepted.tenant() + "', which the tenants file does not have");
        }
        if (rows.isEmpty()) {
            if (rules.rowsComplete()) {
                mismatch(MismatchKind.ACCEPTED_WITHOUT_ROW, accepted.tenant(), id,
                        "on remediation.intake, but no valid row of breach.affected-accounts has this mailbox");
            }
        } else {
            tenant.validRows += rows.size();
            tenant.duplicates += rows.size() - 1;
            String rowTenant = rows.get(0).tenant();
            if (!rowTenant.equals(accepted.tenant())) {
                mismatch(MismatchKind.TENANT_DISAGREES, accepted.tenant(), id,
                        "the breach row belongs to " + rowTenant + ", intake accepted it for " + accepted.tenant());
            }
        }
        tenant.accepted++;
        tenant.byLifecycle[accepted.lifecycle().ordinal()]++;
        tenant.byStorage[accepted.storage().ordinal()]++;
        return accepted;
    }

    private Facts.Status state(MailboxFacts facts, Facts.Accepted accepted) {
        String id = facts.mailboxId();
        List<Facts.Status> statuses = facts.statuses;
        if (statuses.isEmpty()) {
            if (accepted != null) {
                if (accepted.pendingAtTracker()) {
                    recount.tenant(accepted.tenant()).pendingAtTracker++;
                } else if (rules.tenants().contains(accepted.tenant())) {
                    mismatch(MismatchKind.MISSING_FROM_TRACKER, accepted.tenant(), id,
                            "the tracker consumed its intake record but published no state for it");
                } else {
                    mismatch(MismatchKind.MISSING_FROM_TRACKER, accepted.tenant(), id,
                            "the tracker consumed its intake record, but has no status topic for tenant '"
                                    + accepted.tenant() + "'");
                }
            }
            return null;
        }
        Facts.Status status = statuses.get(0);
        if (accepted != null) {
            for (Facts.Status candidate : statuses) {
                if (candidate.tenant().equals(accepted.tenant())) {
                    status = candidate;
                }
            }
        }
        if (statuses.size() > 1) {
            List<String> tenants = new ArrayList<>();
            statuses.forEach(s -> tenants.add(s.tenant() + "=" + s.state()));
            mismatch(MismatchKind.STATE_IN_TWO_TENANTS, status.tenant(), id, "states " + tenants);
        }
        if (accepted == null) {
            if (rules.acceptedComplete()) {
                mismatch(MismatchKind.STATE_WITHOUT_ACCEPTANCE, status.tenant(), id,
                        "state " + status.state() + " on the status topic, no record on remediation.intake");
            }
        } else if (!status.tenant().equals(accepted.tenant())) {
            mismatch(MismatchKind.TENANT_DISAGREES, accepted.tenant(), id,
                    "accepted for " + accepted.tenant() + ", its state is on " + status.tenant() + "'s topic");
        }
        consistency(id, status, facts);
        TenantRecount tenant = recount.tenant(status.tenant());
        tenant.tracked++;
        tenant.byState[status.state().ordinal()]++;
        tenant.byStateReason[status.state().ordinal()][status.reason().ordinal()]++;
        TenantTimeline timeline = recount.timeline(status.tenant());
        timeline.deadline(status.deadlineAt());
        if (REMEDIATED.contains(status.state())) {
            timeline.remediated(status.remediatedAt());
            tenant.remediated++;
            if (accepted != null) {
                tenant.remediatedByLifecycle[accepted.lifecycle().ordinal()]++;
                tenant.remediatedByStorage[accepted.storage().ordinal()]++;
            }
        }
        return status;
    }

    private void consistency(String id, Facts.Status status, MailboxFacts facts) {
        boolean remediatedState = REMEDIATED.contains(status.state());
        if (remediatedState != status.remediated()) {
            mismatch(MismatchKind.STATE_INCONSISTENT, status.tenant(), id, "state " + status.state()
                    + (status.remediated() ? " has" : " has no") + " remediation time");
        } else if (remediatedState && !REMEDIATING_REASONS.contains(status.reason())) {
            mismatch(MismatchKind.STATE_INCONSISTENT, status.tenant(), id,
                    "state " + status.state() + " for reason " + status.reason());
        } else if (MAILED.contains(status.state()) && rules.outcomesComplete()
                && facts.finalOutcomes.stream().noneMatch(o -> o.status() == DeliveryStatus.SENT)) {
            mismatch(MismatchKind.STATE_WITHOUT_DELIVERY, status.tenant(), id,
                    "state " + status.state() + ", but no notice to it was ever sent");
        }
    }

    private void notices(MailboxFacts facts, Facts.Status status) {
        String id = facts.mailboxId();
        Map<String, Facts.Request> requested = new LinkedHashMap<>();
        for (Facts.Request request : facts.requests) {
            // A request written twice (a replayed timer) is one notice; it is done once any copy is.
            requested.merge(request.notificationId(), request, (a, b) -> a.pendingAtNotifier() ? b : a);
        }
        Map<String, List<Facts.FinalOutcome>> finals = new LinkedHashMap<>();
        facts.finalOutcomes.forEach(o -> finals.computeIfAbsent(o.notificationId(), k -> new ArrayList<>()).add(o));
        for (Facts.Request request : requested.values()) {
            TenantRecount tenant = recount.tenant(request.tenant());
            tenant.noticesRequested[request.kind().ordinal()]++;
            List<Facts.FinalOutcome> outcomes = finals.getOrDefault(request.notificationId(), List.of());
            TenantTimeline timeline = recount.timeline(request.tenant());
            boolean initial = request.kind() == NoticeKind.INITIAL_NOTICE;
            if (outcomes.isEmpty() && initial) {
                timeline.initialNoticeOpen();
            }
            if (outcomes.isEmpty()) {
                if (request.pendingAtNotifier() || !rules.outcomesComplete()) {
                    tenant.noticesInFlight++;
                } else {
                    mismatch(MismatchKind.NOTICE_WITHOUT_OUTCOME, request.tenant(), id, "notice "
                            + request.notificationId() + ": the notifier committed past it, no final outcome");
                }
                continue;
            }
            Facts.FinalOutcome first = outcomes.get(0);
            if (initial) {
                timeline.initialOutcome(first.occurredAt());
            }
            if (first.status() == DeliveryStatus.SENT) {
                timeline.noticeSent(initial, first.occurredAt());
            }
            tenant.noticesFinal[request.kind().ordinal()][first.status().ordinal()]++;
            tenant.deliveries[first.channel().ordinal()][first.status().ordinal()]++;
            if (outcomes.size() > 1) {
                List<DeliveryStatus> all = outcomes.stream().map(Facts.FinalOutcome::status).toList();
                mismatch(MismatchKind.NOTICE_TWO_FINAL_OUTCOMES, request.tenant(), id,
                        "notice " + request.notificationId() + " has " + outcomes.size() + " final outcomes " + all);
            }
        }
        if (rules.requestsComplete()) {
            for (String notificationId : finals.keySet()) {
                if (!requested.containsKey(notificationId)) {
                    mismatch(MismatchKind.OUTCOME_WITHOUT_REQUEST, status == null ? null : status.tenant(), id,
                            "final outcome of notice " + notificationId + ", which no request topic holds");
                }
            }
        }
    }

    private void commands(MailboxFacts facts, Facts.Status status) {
        if (facts.commands.isEmpty()) {
            return;
        }
        String id = facts.mailboxId();
        Map<IspAction, Facts.Command> latestByAction = new LinkedHashMap<>();
        Map<IspAction, Long> firstIssued = new LinkedHashMap<>();
        for (Facts.Command command : facts.commands) {
            latestByAction.merge(command.action(), command, (a, b) -> b.attempt() >= a.attempt() ? b : a);
            if (command.issuedAt() >= 0) {
                firstIssued.merge(command.action(), command.issuedAt(), Math::min);
            }
        }
        Long forced = firstIssued.get(IspAction.FORCE_PASSWORD_RESET);
        if (forced != null) {
            recount.timeline(latestByAction.get(IspAction.FORCE_PASSWORD_RESET).tenant()).forcedReset(forced);
        }
        for (Facts.Command latest : latestByAction.values()) {
            TenantRecount tenant = recount.tenant(latest.tenant());
            tenant.commandsIssued[latest.action().ordinal()]++;
            if (latest.attempt() > 1) {
                tenant.commandsReissued++;
            }
            String prefix = OpenCommand.idPrefix(id, latest.action());
            boolean finalAnswer = false;
            boolean acceptedAnswer = false;
            for (Facts.Answer answer : facts.answers) {
                if (answer.commandId().startsWith(prefix)) {
                    tenant.answers[answer.answer().ordinal()]++;
                    finalAnswer |= answer.answer() != CommandAnswerKind.ACCEPTED;
                    acceptedAnswer |= answer.answer() == CommandAnswerKind.ACCEPTED;
                }
            }
            if (latest.cancelled()) {
                tenant.commandsCancelled++;
                continue;
            }
            boolean settledByState = status != null
                    && (REMEDIATED.contains(status.state()) || status.state() == RemediationState.ESCALATED);
            if (finalAnswer || settledByState) {
                continue;
            }
            boolean followUpDue = latest.respondBy() >= 0
                    && latest.respondBy() + rules.overdueGraceMs() >= rules.campaignNow();
            if (followUpDue || acceptedAnswer) {
                tenant.commandsOpen++;
                continue;
            }
            mismatch(MismatchKind.COMMAND_UNANSWERED, latest.tenant(), id, "command " + latest.commandId()
                    + (latest.respondBy() < 0 ? " has no answer time"
                    : " was due by " + Instant.ofEpochMilli(latest.respondBy()))
                    + "; no final answer, no re-issue, no escalation by " + Instant.ofEpochMilli(rules.campaignNow()));
        }
    }

    private void mismatch(MismatchKind kind, String tenant, String mailboxId, String detail) {
        mismatches.add(kind, tenant, mailboxId, detail);
    }
}
