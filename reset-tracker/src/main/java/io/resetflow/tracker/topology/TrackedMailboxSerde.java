package io.resetflow.tracker.topology;

import io.resetflow.avro.AccountLifecycle;
import io.resetflow.avro.Priority;
import io.resetflow.avro.RemediationState;
import io.resetflow.avro.StateReason;
import io.resetflow.tracker.domain.MailboxRemediation;
import io.resetflow.tracker.domain.TimelineEntry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Compact binary form of a stored mailbox (about 200 bytes; 14.22 million of them must fit one
 * machine's disk and changelog). Enums are stored by Avro symbol position, which only grows at the
 * end; the leading version byte allows a later format to be read next to this one.
 */
public final class TrackedMailboxSerde implements Serde<TrackedMailbox> {

    private static final byte VERSION = 1;
    private static final long ABSENT = Long.MIN_VALUE;

    @Override
    public Serializer<TrackedMailbox> serializer() {
        return (topic, mailbox) -> mailbox == null ? null : write(mailbox);
    }

    @Override
    public Deserializer<TrackedMailbox> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    static byte[] write(TrackedMailbox tracked) {
        MailboxRemediation m = tracked.remediation();
        MailboxRemediation.Identity id = m.identity();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeByte(VERSION);
            out.writeUTF(id.mailboxId());
            out.writeUTF(id.tenant());
            writeNullable(out, id.brand());
            out.writeUTF(id.address());
            writeNullable(out, id.contactAddress());
            out.writeByte(id.lifecycle().ordinal());
            out.writeByte(id.priority().ordinal());
            out.writeByte(m.state().ordinal());
            out.writeByte(m.reason().ordinal());
            out.writeShort(m.remindersSent());
            out.writeShort(m.noticesIssued());
            out.writeBoolean(m.finalNoticeIssued());
            for (Instant time : new Instant[] {m.affectedAt(), m.noticeIssuedAt(), m.notifiedAt(), m.deadlineAt(),
                    m.remediatedAt(), m.updatedAt(), tracked.scheduledAt()}) {
                out.writeLong(time == null ? ABSENT : time.toEpochMilli());
            }
            out.writeByte(m.timeline().size());
            for (TimelineEntry entry : m.timeline()) {
                out.writeByte(entry.state().ordinal());
                out.writeByte(entry.reason().ordinal());
                out.writeLong(entry.at().toEpochMilli());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    static TrackedMailbox read(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != VERSION) {
                throw new SerializationException("unknown stored mailbox format " + version);
            }
            MailboxRemediation.Builder b = new MailboxRemediation.Builder();
            b.identity = new MailboxRemediation.Identity(in.readUTF(), in.readUTF(), readNullable(in), in.readUTF(),
                    readNullable(in), AccountLifecycle.values()[in.readByte()], Priority.values()[in.readByte()]);
            b.state = RemediationState.values()[in.readByte()];
            b.reason = StateReason.values()[in.readByte()];
            b.remindersSent = in.readShort();
            b.noticesIssued = in.readShort();
            b.finalNoticeIssued = in.readBoolean();
            b.affectedAt = readInstant(in);
            b.noticeIssuedAt = readInstant(in);
            b.notifiedAt = readInstant(in);
            b.deadlineAt = readInstant(in);
            b.remediatedAt = readInstant(in);
            b.updatedAt = readInstant(in);
            Instant scheduledAt = readInstant(in);
            int entries = in.readUnsignedByte();
            List<TimelineEntry> timeline = new ArrayList<>(entries);
            for (int i = 0; i < entries; i++) {
                timeline.add(new TimelineEntry(RemediationState.values()[in.readByte()],
                        StateReason.values()[in.readByte()], Instant.ofEpochMilli(in.readLong())));
            }
            b.timeline = timeline;
            return new TrackedMailbox(b.build(), scheduledAt);
        } catch (IOException e) {
            throw new SerializationException("corrupt stored mailbox", e);
        }
    }

    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        long millis = in.readLong();
        return millis == ABSENT ? null : Instant.ofEpochMilli(millis);
    }
}
