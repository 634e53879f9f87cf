package io.resetflow.tracker.domain;

import io.resetflow.avro.IspAction;
import java.time.Instant;
import java.util.Locale;

/**
 * The command a mailbox is waiting on the ISP for: which action, which attempt, and by when a final
 * answer must come before it is issued again (or escalated after the last attempt). An ACCEPTED
 * answer is noted, and gives the ISP one more timeout from then to report it done.
 */
public record OpenCommand(IspAction action, int attempt, Instant issuedAt, Instant respondBy, boolean accepted) {

    public static OpenCommand first(IspAction action, Instant at, Instant respondBy) {
        return new OpenCommand(action, 1, at, respondBy, false);
    }

    public OpenCommand reissued(Instant at, Instant nextRespondBy) {
        return new OpenCommand(action, attempt + 1, at, nextRespondBy, false);
    }

    public OpenCommand acceptedUntil(Instant extendedRespondBy) {
        return new OpenCommand(action, attempt, issuedAt, extendedRespondBy, true);
    }

    /** {@code <mailboxId>.<action>.<attempt>}: a replayed timer yields the same id. */
    public String commandId(String mailboxId) {
        return idPrefix(mailboxId, action) + attempt;
    }

    /** Whether an answer's command id names this command's action for this mailbox, whatever the attempt. */
    public boolean answers(String mailboxId, String commandId) {
        return commandId != null && commandId.startsWith(idPrefix(mailboxId, action));
    }

    /** What every attempt's id of an action for a mailbox starts with. */
    public static String idPrefix(String mailboxId, IspAction action) {
        return mailboxId + "." + action.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".";
    }
}
