package io.resetflow.tracker.reconcile;

/** What a fact about a mailbox was read from. */
enum FactKind {
    /** A breach row that validates, under the mailbox id intake gives it. */
    VALID_ROW('b'),
    /** A record on remediation.intake: the mailbox was accepted. */
    ACCEPTED('i'),
    /** The mailbox's latest status on one tenant's remediation-status topic. */
    STATUS('s'),
    /** A notification request the tracker wrote. */
    REQUEST('r'),
    /** A final delivery outcome the notifier wrote. */
    FINAL_OUTCOME('o'),
    /** The latest version of a command to the ISP. */
    COMMAND('c'),
    /** The ISP's answer to a command. */
    ANSWER('a');

    private static final FactKind[] BY_CODE = new FactKind[128];

    static {
        for (FactKind kind : values()) {
            BY_CODE[kind.code] = kind;
        }
    }

    private final byte code;

    FactKind(char code) {
        this.code = (byte) code;
    }

    byte code() {
        return code;
    }

    static FactKind of(byte code) {
        FactKind kind = code >= 0 ? BY_CODE[code] : null;
        if (kind != null) {
            return kind;
        }
        throw new IllegalArgumentException("unknown fact kind " + code);
    }
}
