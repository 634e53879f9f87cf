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
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The facts reconciliation keeps per mailbox, each only the fields a check needs, and their encoding. */
final class Facts {

    private Facts() {
    }

    /** A breach row that validates; pending while intake has not consumed past it. */
    record ValidRow(String tenant, boolean pendingAtIntake) {
        byte[] encode() {
            return write(out -> {
                out.writeUTF(tenant);
                out.writeBoolean(pendingAtIntake);
            });
        }

        static ValidRow decode(byte[] bytes) {
            return read(bytes, in -> new ValidRow(in.readUTF(), in.readBoolean()));
        }
    }

    /** An accepted mailbox; pending while the tracker has not consumed past its intake record. */
    record Accepted(String tenant, AccountLifecycle lifecycle, CredentialStorage storage, boolean pendingAtTracker) {
        byte[] encode() {
            return write(out -> {
                out.writeUTF(tenant);
                out.writeByte(lifecycle.ordinal());
                out.writeByte(storage.ordinal());
                out.writeBoolean(pendingAtTracker);
            });
        }

        static Accepted decode(byte[] bytes) {
            return read(bytes, in -> new Accepted(in.readUTF(), AccountLifecycle.values()[in.readByte()],
                    CredentialStorage.values()[in.readByte()], in.readBoolean()));
        }
    }

    /** A mailbox's latest published state on one tenant's status topic. */
    record Status(String tenant, RemediationState state, StateReason reason, int remindersSent, boolean notified,
                  boolean remediated, long remediatedAt, long deadlineAt) {
        byte[] encode() {
            return write(out -> {
                out.writeUTF(tenant);
                out.writeByte(state.ordinal());
                out.writeByte(reason.ordinal());
                out.writeInt(remindersSent);
                out.writeBoolean(notified);
                out.writeBoolean(remediated);
                out.writeLong(remediatedAt);
                out.writeLong(deadlineAt);
            });
        }

        static Status decode(byte[] bytes) {
            return read(bytes, in -> new Status(in.readUTF(), RemediationState.values()[in.readByte()],
                    StateReason.values()[in.readByte()], in.readInt(), in.readBoolean(), in.readBoolean(),
                    in.readLong(), in.readLong()));
        }
    }

    /** A notice the tracker asked for; pending while the notifier has not committed past it. */
    record Request(String notificationId, String tenant, NoticeKind kind, boolean pendingAtNotifier) {
        byte[] encode() {
            return write(out -> {
                out.writeUTF(notificationId);
                out.writeUTF(tenant);
                out.writeByte(kind.ordinal());
                out.writeBoolean(pendingAtNotifier);
            });
        }

        static Request decode(byte[] bytes) {
            return read(bytes, in -> new Request(in.readUTF(), in.readUTF(), NoticeKind.values()[in.readByte()],
                    in.readBoolean()));
        }
    }

    /** A final outcome (sent, bounced or failed) of one notice. */
    record FinalOutcome(String notificationId, DeliveryStatus status, RecipientChannel channel, NoticeKind kind,
                        long occurredAt) {
        byte[] encode() {
            return write(out -> {
                out.writeUTF(notificationId);
                out.writeByte(status.ordinal());
                out.writeByte(channel.ordinal());
                out.writeByte(kind.ordinal());
                out.writeLong(occurredAt);
            });
        }

        static FinalOutcome decode(byte[] bytes) {
            return read(bytes, in -> new FinalOutcome(in.readUTF(), DeliveryStatus.values()[in.readByte()],
                    RecipientChannel.values()[in.readByte()], NoticeKind.values()[in.readByte()], in.readLong()));
        }
    }

    /** The latest version of one command (one attempt of one action); a time -1 when it has none. */
    record Command(String commandId, String tenant, IspAction action, int attempt, long issuedAt, long respondBy,
                   boolean cancelled) {
        byte[] encode() {
            return write(out -> {
                out.writeUTF(commandId);
                out.writeUTF(tenant);
                out.writeByte(action.ordinal());
                out.writeInt(attempt);
                out.writeLong(issuedAt);
                out.writeLong(respondBy);
                out.writeBoolean(cancelled);
            });
        }

        static Command decode(byte[] bytes) {
            return read(bytes, in -> new Command(in.readUTF(), in.readUTF(), IspAction.values()[in.readByte()],
                    in.readInt(), in.readLong(), in.readLong(), in.readBoolean()));
        }
    }

    /** An ISP's answer to a command. */
    record Answer(String commandId, CommandAnswerKind answer) {
        byte[] encode() {
            return write(out -> {
                out.writeUTF(commandId);
                out.writeByte(answer.ordinal());
            });
        }

        static Answer decode(byte[] bytes) {
            return read(bytes, in -> new Answer(in.readUTF(), CommandAnswerKind.values()[in.readByte()]));
        }
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(48);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static <T> T read(byte[] bytes, Reader<T> reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
