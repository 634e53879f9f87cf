package io.resetflow.tracker.reconcile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Every fact read about one mailbox; one instance is reused from mailbox to mailbox. */
final class MailboxFacts {

    /** Takes each mailbox's facts in turn. */
    @FunctionalInterface
    interface Sink {
        void accept(MailboxFacts facts);
    }

    private String mailboxId;
    final List<Facts.ValidRow> validRows = new ArrayList<>();
    final List<Facts.Accepted> accepted = new ArrayList<>();
    final List<Facts.Status> statuses = new ArrayList<>();
    final List<Facts.Request> requests = new ArrayList<>();
    final List<Facts.FinalOutcome> finalOutcomes = new ArrayList<>();
    final List<Facts.Command> commands = new ArrayList<>();
    final List<Facts.Answer> answers = new ArrayList<>();

    void reset(byte[] mailboxIdBytes) {
        mailboxId = new String(mailboxIdBytes, StandardCharsets.UTF_8);
        validRows.clear();
        accepted.clear();
        statuses.clear();
        requests.clear();
        finalOutcomes.clear();
        commands.clear();
        answers.clear();
    }

    void add(byte[] key, int mailboxEnd, byte[] value) {
        switch (FactKeys.kindOf(key, mailboxEnd)) {
            case VALID_ROW -> validRows.add(Facts.ValidRow.decode(value));
            case ACCEPTED -> accepted.add(Facts.Accepted.decode(value));
            case STATUS -> statuses.add(Facts.Status.decode(value));
            case REQUEST -> requests.add(Facts.Request.decode(value));
            case FINAL_OUTCOME -> finalOutcomes.add(Facts.FinalOutcome.decode(value));
            case COMMAND -> commands.add(Facts.Command.decode(value));
            case ANSWER -> answers.add(Facts.Answer.decode(value));
        }
    }

    String mailboxId() {
        return mailboxId;
    }
}
