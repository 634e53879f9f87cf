package io.resetflow.tracker.reconcile;

/** What two of the topics disagree on. Each one fails the reconciliation. */
public enum MismatchKind {
    VALID_ROW_NOT_ACCEPTED("a valid breach row whose mailbox intake consumed but never accepted"),
    ACCEPTED_WITHOUT_ROW("an accepted mailbox that no valid breach row names"),
    ACCEPTED_TWICE("a mailbox accepted more than once"),
    REJECTIONS_DISAGREE("the rejected topic's count of a reason differs from a re-validation of the rows"),
    TENANT_NOT_TRACKED("an accepted mailbox of a tenant the tenants file does not have"),
    TENANT_DISAGREES("two topics name different tenants for one mailbox"),
    MISSING_FROM_TRACKER("an accepted mailbox the tracker consumed but holds no state for"),
    STATE_WITHOUT_ACCEPTANCE("a state for a mailbox intake never accepted"),
    STATE_IN_TWO_TENANTS("a mailbox with a state on two tenants' status topics"),
    STATE_INCONSISTENT("a state whose reason or remediation time does not fit it"),
    STATE_WITHOUT_DELIVERY("a notified or reminded mailbox without any sent notice"),
    NOTICE_WITHOUT_OUTCOME("a notice the notifier committed past without a final outcome"),
    NOTICE_TWO_FINAL_OUTCOMES("a notice with more than one final outcome"),
    OUTCOME_WITHOUT_REQUEST("a final outcome for a notice that was never requested"),
    COMMAND_UNANSWERED("a command past its answer time with no final answer, follow-up or escalation"),
    COUNTERS_DISAGREE("the tracker's published counters differ from a recount of the states"),
    SOURCE_TRUNCATED("records of an evidence topic were deleted (retention), so what they said cannot be checked"),
    SOURCE_MISSING("an evidence topic does not exist");

    private final String meaning;

    MismatchKind(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
