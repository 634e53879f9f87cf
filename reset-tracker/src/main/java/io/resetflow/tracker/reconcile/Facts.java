package io.resetflow.tracker.reconcile;

import io.resetflow.avro.AccountLifecycle;
import io.resetflow.avro.CommandAnswerKind;
import io.resetflow.avro.CredentialStorage;
import io.resetflow.avro.DeliveryStatus;
import io.resetflow.avro.IspAction;
import io.resetflow.avro.NoticeKind;
import io.resetflow.avro.RecipientChannel;
import io.resetflow.avro.RemediationState;
import io.resetflow.avro.StateReason;
import io.resetflow.tracker.bytes.StoredBytes;

/** The facts reconciliation keeps per mailbox, each only the fields a check needs, and their encoding. */
final class Facts {

    private static final AccountLifecycle[] LIFECYCLES = AccountLifecycle.values();
    private static final CredentialStorage[] STORAGES = CredentialStorage.values();
    private static final RemediationState[] STATES = RemediationState.values();
    private static final StateReason[] REASONS = StateReason.values();
    private static final NoticeKind[] NOTICE_KINDS = NoticeKind.values();
    private static final DeliveryStatus[] DELIVERY_STATUSES = DeliveryStatus.values();
    private static final RecipientChannel[] CHANNELS = RecipientChannel.values();
    private static final IspAction[] ACTIONS = IspAction.values();
    private static final CommandAnswerKind[] ANSWER_KINDS = CommandAnswerKind.values();

    private Facts() {
    }

    private static Out out() {
        return new Out();
    }

    private static int small(StoredBytes.Reader in) {
        return in.getByte() & 0xFF;
    }

    private static boolean flag(StoredBytes.Reader in) {
        return in.getByte() != 0;
    }

    /** Chains the writes of one fact's fields. */
    private static final class Out {
        private final StoredBytes.Writer writer = new StoredBytes.Writer(48);

        Out text(String value) {
            writer.putUtf(value);
            return this;
        }

        Out small(int value) {
            writer.putByte(value);
            return this;
        }

        Out flag(boolean value) {
            writer.putByte(value ? 1 : 0);
            return this;
        }

        Out number(int value) {
            writer.putInt(value);
            return this;
        }

        Out number(long value) {
            writer.putLong(value);
            return this;
        }

        byte[] toArray() {
            return writer.toByteArray();
        }
    }

    /** A breach row that validates; pending while intake has not consumed past it. */
    record ValidRow(String tenant, boolean pendingAtIntake) {
        byte[] encode() {
            return out().text(tenant).flag(pendingAtIntake).toArray();
        }

        static ValidRow decode(byte[] bytes) {
            StoredBytes.Reader in = new StoredBytes.Reader(bytes);
            return new ValidRow(in.getUtf(), flag(in));
        }
    }

    /** An accepted mailbox; pending while the tracker has not consumed past its intake record. */
    record Accepted(String tenant, AccountLifecycle lifecycle, CredentialStorage storage, boolean pendingAtTracker) {
        byte[] encode() {
            return out().text(tenant).small(lifecycle.ordinal()).small(storage.ordinal())
                    .flag(pendingAtTracker).toArray();
        }

        static Accepted decode(byte[] bytes) {
            StoredBytes.Reader in = new StoredBytes.Reader(bytes);
            return new Accepted(in.getUtf(), LIFECYCLES[small(in)], STORAGES[small(in)], flag(in));
        }
    }

    /** A mailbox's latest published state on one tenant's status topic. */
    record Status(String tenant, RemediationState state, StateReason reason, int remindersSent, boolean notified,
                  boolean remediated, long remediatedAt, long deadlineAt) {
        byte[] encode() {
            return out().text(tenant).small(state.ordinal()).small(reason.ordinal())
                    .number(remindersSent).flag(notified).flag(remediated).number(remediatedAt).number(deadlineAt)
                    .toArray();
        }

        static Status decode(byte[] bytes) {
            StoredBytes.Reader in = new StoredBytes.Reader(bytes);
            return new Status(in.getUtf(), STATES[small(in)], REASONS[small(in)], in.getInt(), flag(in),
                    flag(in), in.getLong(), in.getLong());
        }
    }

    /** A notice the tracker asked for; pending while the notifier has not committed past it. */
    record Request(String notificationId, String tenant, NoticeKind kind, boolean pendingAtNotifier) {
        byte[] encode() {
            return out().text(notificationId).text(tenant).small(kind.ordinal())
                    .flag(pendingAtNotifier).toArray();
        }

        static Request decode(byte[] bytes) {
            StoredBytes.Reader in = new StoredBytes.Reader(bytes);
            return new Request(in.getUtf(), in.getUtf(), NOTICE_KINDS[small(in)], flag(in));
        }
    }

    /** A final outcome (sent, bounced or failed) of one notice. */
    record FinalOutcome(String notificationId, DeliveryStatus status, RecipientChannel channel, NoticeKind kind,
                        long occurredAt) {
        byte[] encode() {
            return out().text(notificationId).small(status.ordinal()).small(channel.ordinal())
                    .small(kind.ordinal()).number(occurredAt).toArray();
        }

        static FinalOutcome decode(byte[] bytes) {
            StoredBytes.Reader in = new StoredBytes.Reader(bytes);
            return new FinalOutcome(in.getUtf(), DELIVERY_STATUSES[small(in)], CHANNELS[small(in)],
                    NOTICE_KINDS[small(in)], in.getLong());
        }
    }

    /** The latest version of one command (one attempt of one action); a time -1 when it has none. */
    record Command(String commandId, String tenant, IspAction action, int attempt, long issuedAt, long respondBy,
                   boolean cancelled) {
        byte[] encode() {
            return out().text(commandId).text(tenant).small(action.ordinal()).number(attempt)
                    .number(issuedAt).number(respondBy).flag(cancelled).toArray();
        }

        static Command decode(byte[] bytes) {
            StoredBytes.Reader in = new StoredBytes.Reader(bytes);
            return new Command(in.getUtf(), in.getUtf(), ACTIONS[small(in)], in.getInt(), in.getLong(),
                    in.getLong(), flag(in));
        }
    }

    /** An ISP's answer to a command. */
    record Answer(String commandId, CommandAnswerKind answer) {
        byte[] encode() {
            return out().text(commandId).small(answer.ordinal()).toArray();
        }

        static Answer decode(byte[] bytes) {
            StoredBytes.Reader in = new StoredBytes.Reader(bytes);
            return new Answer(in.getUtf(), ANSWER_KINDS[small(in)]);
        }
    }
}
