package io.resetflow.core.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every operator action and every address lookup, on a logger of its own ({@code io.resetflow.audit},
 * which a deployment routes to its audit store): who, what, on which tenant or mailboxId. Never an
 * address: a lookup is recorded by the mailboxId it resolved to.
 */
public final class AuditLog {

    private static final Logger AUDIT = LoggerFactory.getLogger("io.resetflow.audit");

    private AuditLog() {
    }

    public static void record(Caller caller, String action, String subject) {
        AUDIT.info("caller={} role={} action={} {}", caller.name(), caller.roleText(), action, subject);
    }
}
