package io.resetflow.intake;

import io.resetflow.avro.AccountLifecycle;
import io.resetflow.avro.CredentialStorage;
import io.resetflow.avro.Priority;

/**
 * Remediation priority of an accepted mailbox.
 * <ul>
 *   <li>active, password stored in plaintext: {@code URGENT};</li>
 *   <li>other active accounts: {@code HIGH};</li>
 *   <li>inactive accounts: {@code NORMAL};</li>
 *   <li>former accounts: {@code LOCK} (locked by the ISP rather than mailed).</li>
 * </ul>
 * An unstated lifecycle counts as active and an unstated storage as plaintext: a breached mailbox
 * whose file says nothing must be handled as the worst case, not the mildest.
 */
public final class PriorityRule {

    private PriorityRule() {
    }

    public static Priority of(AccountLifecycle lifecycle, CredentialStorage storage) {
        return switch (lifecycle) {
            case FORMER -> Priority.LOCK;
            case INACTIVE -> Priority.NORMAL;
            case ACTIVE, UNKNOWN_LIFECYCLE -> storage == CredentialStorage.PLAINTEXT || storage == CredentialStorage.UNKNOWN
                    ? Priority.URGENT : Priority.HIGH;
        };
    }
}
