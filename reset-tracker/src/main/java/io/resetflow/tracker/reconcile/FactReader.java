package io.resetflow.tracker.reconcile;

import io.resetflow.avro.AccountLifecycle;
import io.resetflow.avro.CommandAnswerKind;
import io.resetflow.avro.CredentialStorage;
import io.resetflow.avro.DeliveryOutcome;
import io.resetflow.avro.DeliveryStatus;
import io.resetflow.avro.IntakeRecord;
import io.resetflow.avro.IspAction;
import io.resetflow.avro.IspCommand;
import io.resetflow.avro.IspCommandAnswer;
import io.resetflow.avro.NoticeKind;
import io.resetflow.avro.NotificationRequest;
import io.resetflow.avro.RecipientChannel;
import io.resetflow.avro.RemediationState;
import io.resetflow.avro.RemediationStatus;
import io.resetflow.avro.StateReason;
import io.resetflow.registry.SchemaRegistryClient;
import org.apache.avro.generic.GenericRecord;

/**
 * Turns one reading thread's evidence records into facts in the spill, decoding of each record only
 * the fields a check needs. A fact that may occur more than once gets this reader's next sequence.
 */
final class FactReader {

    private final FactStore.Writer store;
    private final ProjectedReader intake;
    private final ProjectedReader statuses;
    private final ProjectedReader requests;
    private final ProjectedReader outcomes;
    private final ProjectedReader commands;
    private final ProjectedReader answers;
    private long sequence;

    FactReader(SchemaRegistryClient registry, FactStore.Writer store, long firstSequence) {
        this.store = store;
        this.sequence = firstSequence;
        intake = new ProjectedReader(registry, IntakeRecord.class, "mailboxId", "tenant", "lifecycle",
                "credentialStorage");
        statuses = new ProjectedReader(registry, RemediationStatus.class, "mailboxId", "state", "reason",
                "remindersSent", "notifiedAt", "remediatedAt", "deadlineAt");
        requests = new ProjectedReader(registry, NotificationRequest.class, "mailboxId", "notificationId", "kind");
        outcomes = new ProjectedReader(registry, DeliveryOutcome.class, "mailboxId", "notificationId", "status",
                "channel", "kind", "occurredAt");
        commands = new ProjectedReader(registry, IspCommand.class, "mailboxId", "commandId", "action", "attempt",
                "issuedAt", "respondBy", "cancelled");
        answers = new ProjectedReader(registry, IspCommandAnswer.class, "mailboxId", "commandId", "answer");
    }

    void validRow(String mailboxId, String tenant, boolean pendingAtIntake) {
        store.put(FactKeys.each(mailboxId, FactKind.VALID_ROW, null, sequence++),
                new Facts.ValidRow(tenant, pendingAtIntake).encode());
    }

    void accepted(String topic, byte[] value, boolean pendingAtTracker) {
        GenericRecord record = intake.read(topic, value);
        store.put(FactKeys.each(text(record, 0), FactKind.ACCEPTED, null, sequence++),
                new Facts.Accepted(text(record, 1), AccountLifecycle.valueOf(text(record, 2)),
                        CredentialStorage.valueOf(text(record, 3)), pendingAtTracker).encode());
    }

    /** A status, or with no value its tombstone: the mailbox has no state on this tenant's topic any more. */
    void status(String topic, String tenant, String key, byte[] value) {
        if (value == null) {
            if (key != null) {
                store.delete(FactKeys.latest(key, FactKind.STATUS, tenant));
            }
            return;
        }
        GenericRecord record = statuses.read(topic, value);
        store.put(FactKeys.latest(text(record, 0), FactKind.STATUS, tenant),
                new Facts.Status(tenant, RemediationState.valueOf(text(record, 1)),
                        StateReason.valueOf(text(record, 2)), (Integer) record.get(3), record.get(4) != null,
                        record.get(5) != null, millis(record, 5), millis(record, 6)).encode());
    }

    void request(String topic, String tenant, byte[] value, boolean pendingAtNotifier) {
        GenericRecord record = requests.read(topic, value);
        String notificationId = text(record, 1);
        store.put(FactKeys.each(text(record, 0), FactKind.REQUEST, notificationId, sequence++),
                new Facts.Request(notificationId, tenant, NoticeKind.valueOf(text(record, 2)), pendingAtNotifier)
                        .encode());
    }

    /** Only final outcomes become facts: a deferral is a step on the way to one. */
    void outcome(String topic, byte[] value) {
        GenericRecord record = outcomes.read(topic, value);
        DeliveryStatus status = DeliveryStatus.valueOf(text(record, 2));
        if (status == DeliveryStatus.DEFERRED) {
            return;
        }
        String notificationId = text(record, 1);
        store.put(FactKeys.each(text(record, 0), FactKind.FINAL_OUTCOME, notificationId, sequence++),
                new Facts.FinalOutcome(notificationId, status, RecipientChannel.valueOf(text(record, 3)),
                        NoticeKind.valueOf(text(record, 4)), millis(record, 5)).encode());
    }

    void command(String topic, String tenant, byte[] value) {
        GenericRecord record = commands.read(topic, value);
        String commandId = text(record, 1);
        store.put(FactKeys.latest(text(record, 0), FactKind.COMMAND, commandId),
                new Facts.Command(commandId, tenant, IspAction.valueOf(text(record, 2)), (Integer) record.get(3),
                        millis(record, 4), millis(record, 5), (Boolean) record.get(6)).encode());
    }

    void answer(String topic, byte[] value) {
        GenericRecord record = answers.read(topic, value);
        String commandId = text(record, 1);
        store.put(FactKeys.each(text(record, 0), FactKind.ANSWER, commandId, sequence++),
                new Facts.Answer(commandId, CommandAnswerKind.valueOf(text(record, 2))).encode());
    }

    private static String text(GenericRecord record, int field) {
        return record.get(field).toString();
    }

    /** A timestamp field's epoch millis, -1 when it has none. */
    private static long millis(GenericRecord record, int field) {
        Object value = record.get(field);
        return value == null ? -1 : (Long) value;
    }
}
