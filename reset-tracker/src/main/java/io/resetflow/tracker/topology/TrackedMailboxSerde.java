package io.resetflow.tracker.topology;

import io.resetflow.avro.AccountLifecycle;
import io.resetflow.avro.IspAction;
import io.resetflow.avro.Priority;
import io.resetflow.avro.RemediationState;
import io.resetflow.avro.StateReason;
import io.resetflow.tracker.bytes.StoredBytes;
import io.resetflow.tracker.domain.MailboxRemediation;
import io.resetflow.tracker.domain.OpenCommand;
import io.resetflow.tracker.domain.TimelineEntry;
import java.nio.BufferUnderflowException;
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
 * end; the leading version byte allows a later format to be read next to this one. The layout is
 * that of {@link java.io.DataOutput} (big-endian numbers, strings as modified UTF-8 with a two-byte
 * length), written straight into an array: every mailbox write and timer goes through here.
 * Version 2 adds the account id, the open command, whether another channel was requested and who
 * gave each timeline entry; version 3 the re-drive count and whether one is pending. Records of
 * earlier versions (stores and changelogs of earlier releases) still read.
 */
public final class TrackedMailboxSerde implements Serde<TrackedMailbox> {

    private static final byte VERSION = 3;
    private static final byte VERSION_2 = 2;
    private static final byte VERSION_1 = 1;
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
        StoredBytes.Writer out = new StoredBytes.Writer(256);
        out.putByte(VERSION);
        out.putUtf(id.mailboxId());
        out.putUtf(id.tenant());
        putNullable(out, id.brand());
        out.putUtf(id.address());
        putNullable(out, id.contactAddress());
        out.putByte(id.lifecycle().ordinal());
        out.putByte(id.priority().ordinal());
        out.putByte(m.state().ordinal());
        out.putByte(m.reason().ordinal());
        out.putShort(m.remindersSent());
        out.putShort(m.noticesIssued());
        out.putByte(m.finalNoticeIssued() ? 1 : 0);
        for (Instant time : new Instant[] {m.affectedAt(), m.noticeIssuedAt(), m.notifiedAt(), m.deadlineAt(),
                m.remediatedAt(), m.updatedAt(), tracked.scheduledAt()}) {
            out.putLong(time == null ? ABSENT : time.toEpochMilli());
        }
        out.putByte(m.timeline().size());
        for (TimelineEntry entry : m.timeline()) {
            out.putByte(entry.state().ordinal());
            out.putByte(entry.reason().ordinal());
            out.putLong(entry.at().toEpochMilli());
            putNullable(out, entry.by());
        }
        putNullable(out, id.accountId());
        out.putByte(m.otherChannelRequested() ? 1 : 0);
        OpenCommand command = m.command();
        out.putByte(command != null ? 1 : 0);
        if (command != null) {
            out.putByte(command.action().ordinal());
            out.putShort(command.attempt());
            out.putLong(command.issuedAt().toEpochMilli());
            out.putLong(command.respondBy().toEpochMilli());
            out.putByte(command.accepted() ? 1 : 0);
        }
        out.putShort(m.redrives());
        out.putByte(m.redrivePending() ? 1 : 0);
        return out.toByteArray();
    }

    static TrackedMailbox read(byte[] bytes) {
        try {
            StoredBytes.Reader in = new StoredBytes.Reader(bytes);
            byte version = in.getByte();
            if (version != VERSION && version != VERSION_2 && version != VERSION_1) {
                throw new SerializationException("unknown stored mailbox format " + version);
            }
            boolean current = version >= VERSION_2;
            MailboxRemediation.Builder b = new MailboxRemediation.Builder();
            String mailboxId = in.getUtf();
            String tenant = in.getUtf();
            String brand = getNullable(in);
            String address = in.getUtf();
            String contact = getNullable(in);
            AccountLifecycle lifecycle = AccountLifecycle.values()[in.getByte()];
            Priority priority = Priority.values()[in.getByte()];
            b.state = RemediationState.values()[in.getByte()];
            b.reason = StateReason.values()[in.getByte()];
            b.remindersSent = in.getShort();
            b.noticesIssued = in.getShort();
            b.finalNoticeIssued = in.getByte() != 0;
            b.affectedAt = getInstant(in);
            b.noticeIssuedAt = getInstant(in);
            b.notifiedAt = getInstant(in);
            b.deadlineAt = getInstant(in);
            b.remediatedAt = getInstant(in);
            b.updatedAt = getInstant(in);
            Instant scheduledAt = getInstant(in);
            int entries = in.getByte() & 0xff;
            List<TimelineEntry> timeline = new ArrayList<>(entries);
            for (int i = 0; i < entries; i++) {
                timeline.add(new TimelineEntry(RemediationState.values()[in.getByte()],
                        StateReason.values()[in.getByte()], Instant.ofEpochMilli(in.getLong()),
                        current ? getNullable(in) : null));
            }
            b.timeline = timeline;
            String accountId = current ? getNullable(in) : null;
            b.identity = new MailboxRemediation.Identity(mailboxId, tenant, brand, address, contact, lifecycle, priority,
                    accountId);
            if (current) {
                b.otherChannelRequested = in.getByte() != 0;
                if (in.getByte() != 0) {
                    b.command = new OpenCommand(IspAction.values()[in.getByte()], in.getShort(),
                            Instant.ofEpochMilli(in.getLong()), Instant.ofEpochMilli(in.getLong()), in.getByte() != 0);
                }
            }
            if (version == VERSION) {
                b.redrives = in.getShort();
                b.redrivePending = in.getByte() != 0;
            }
            return new TrackedMailbox(b.build(), scheduledAt);
        } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new SerializationException("corrupt stored mailbox", e);
        }
    }

    private static void putNullable(StoredBytes.Writer out, String value) {
        out.putByte(value != null ? 1 : 0);
        if (value != null) {
            out.putUtf(value);
        }
    }

    private static String getNullable(StoredBytes.Reader in) {
        return in.getByte() != 0 ? in.getUtf() : null;
    }

    private static Instant getInstant(StoredBytes.Reader in) {
        long millis = in.getLong();
        return millis == ABSENT ? null : Instant.ofEpochMilli(millis);
    }
}
