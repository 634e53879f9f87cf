package io.resetflow.tracker.topology;

import io.resetflow.avro.RemediationState;

/** Keys of the by-state index: {@code tenant|STATE|mailboxId}, so one tenant's state is one key range. */
public final class StateIndexKeys {

    /** Sorts after every mailbox id (base64url), closing a key range. */
    public static final String END = "\uffff";

    private StateIndexKeys() {
    }

    public static String key(String tenant, RemediationState state, String mailboxId) {
        return prefix(tenant, state) + mailboxId;
    }

    public static String prefix(String tenant, RemediationState state) {
        return tenant + "|" + state.name() + "|";
    }

    public static String mailboxIdOf(String key) {
        return key.substring(key.lastIndexOf('|') + 1);
    }
}
