package io.resetflow.tracker.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resetflow.avro.AccountLifecycle;
import io.resetflow.avro.CredentialStorage;
import io.resetflow.avro.IntakeRecord;
import io.resetflow.avro.Priority;
import io.resetflow.tracker.domain.MailboxRemediation;
import io.resetflow.tracker.domain.Mailboxes;
import io.resetflow.tracker.domain.TimelineEntry;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class TrackedMailboxSerdeTest {

    private static final Instant SCHEDULED = Mailboxes.T0.plus(Duration.ofDays(3));

    /** A Japanese brand (three-byte characters), a NUL (two bytes in modified UTF-8), no contact address. */
    private static TrackedMailbox japanese() {
        IntakeRecord intake = IntakeRecord.newBuilder().setMailboxId("mbx-ja").setTenant("stnet")
                .setBrand("ピカラ光\u0000mail é").setAddress("user@pikara.ne.jp").setContactAddress(null)
                .setLifecycle(AccountLifecycle.INACTIVE).setCredentialStorage(CredentialStorage.HASHED)
                .setPriority(Priority.HIGH).setAcceptedAt(Mailboxes.T0).build();
        return new TrackedMailbox(MailboxRemediation.accept(intake, false, Mailboxes.T0).after(), SCHEDULED);
    }

    @Test
    void storedMailboxComesBackEqualWithAbsentFieldsAndNonAsciiText() {
        // Given a mailbox with non-ASCII text and absent fields, and one with several timeline entries
        TrackedMailbox stored = japanese();
        TrackedMailbox remediated = new TrackedMailbox(Mailboxes.reminded(), null);

        // When written and read back
        TrackedMailbox first = TrackedMailboxSerde.read(TrackedMailboxSerde.write(stored));
        TrackedMailbox second = TrackedMailboxSerde.read(TrackedMailboxSerde.write(remediated));

        // Then nothing is lost
        assertThat(first).isEqualTo(stored);
        assertThat(second).isEqualTo(remediated);
    }

    @Test
    void openCommandAccountIdAndAttributedAnswersComeBackEqual() {
        // Given a forced mailbox whose command the ISP accepted (attributed), with an account id
        IntakeRecord intake = IntakeRecord.newBuilder(Mailboxes.intake("mbx-acc", AccountLifecycle.ACTIVE,
                Priority.URGENT)).setAccountId("ACC-0042").build();
        MailboxRemediation forced = MailboxRemediation.accept(intake, false, Mailboxes.T0).after()
                .apply(new io.resetflow.tracker.domain.RemediationEvent.DeadlineReached(Mailboxes.T0)).after();
        MailboxRemediation accepted = Mailboxes.forceResetRequested();
        accepted = accepted.apply(new io.resetflow.tracker.domain.RemediationEvent.CommandAnswered(
                accepted.command().commandId(accepted.mailboxId()), io.resetflow.avro.CommandAnswerKind.ACCEPTED, null,
                "isp-ops-7", SCHEDULED, SCHEDULED.plus(Duration.ofDays(2)))).after();
        TrackedMailbox withCommand = new TrackedMailbox(accepted, SCHEDULED);
        TrackedMailbox withAccount = new TrackedMailbox(forced, null);

        // When written and read back
        TrackedMailbox first = TrackedMailboxSerde.read(TrackedMailboxSerde.write(withCommand));
        TrackedMailbox second = TrackedMailboxSerde.read(TrackedMailboxSerde.write(withAccount));

        // Then the command, the attribution and the account id survive
        assertThat(first).isEqualTo(withCommand);
        assertThat(first.remediation().command().accepted()).isTrue();
        assertThat(first.remediation().timeline()).last().extracting(e -> e.by()).isEqualTo("isp-ops-7");
        assertThat(second.remediation().identity().accountId()).isEqualTo("ACC-0042");
    }

    @Test
    void layoutIsThatOfDataOutputSoMailboxesStoredBeforeStayReadable() throws IOException {
        for (TrackedMailbox mailbox : new TrackedMailbox[] {new TrackedMailbox(Mailboxes.reminded(), SCHEDULED),
                japanese()}) {
            // Given a mailbox as DataOutputStream wrote it (format version 1)
            byte[] dataOutput = dataOutputForm(mailbox);

            // When the earlier bytes are read
            TrackedMailbox read = TrackedMailboxSerde.read(dataOutput);

            // Then they are the same mailbox, and today's format (version 3) starts with the same fields
            byte[] written = TrackedMailboxSerde.write(mailbox);
            assertThat(read).isEqualTo(mailbox);
            assertThat(written[0]).isEqualTo((byte) 3);
            assertThat(java.util.Arrays.copyOfRange(written, 1, 40)).isEqualTo(java.util.Arrays.copyOfRange(dataOutput, 1, 40));
        }
    }

    @Test
    void truncatedBytesAreASerializationErrorNotAnotherMailbox() {
        byte[] whole = TrackedMailboxSerde.write(new TrackedMailbox(Mailboxes.reminded(), SCHEDULED));

        assertThatThrownBy(() -> TrackedMailboxSerde.read(Arrays.copyOf(whole, whole.length - 5)))
                .isInstanceOf(SerializationException.class);
    }

    /** The version 1 layout written field by field with java.io.DataOutputStream. */
    private static byte[] dataOutputForm(TrackedMailbox tracked) throws IOException {
        MailboxRemediation m = tracked.remediation();
        MailboxRemediation.Identity id = m.identity();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeByte(1);
            out.writeUTF(id.mailboxId());
            out.writeUTF(id.tenant());
            out.writeBoolean(id.brand() != null);
            if (id.brand() != null) {
                out.writeUTF(id.brand());
            }
            out.writeUTF(id.address());
            out.writeBoolean(id.contactAddress() != null);
            if (id.contactAddress() != null) {
                out.writeUTF(id.contactAddress());
            }
            out.writeByte(id.lifecycle().ordinal());
            out.writeByte(id.priority().ordinal());
            out.writeByte(m.state().ordinal());
            out.writeByte(m.reason().ordinal());
            out.writeShort(m.remindersSent());
            out.writeShort(m.noticesIssued());
            out.writeBoolean(m.finalNoticeIssued());
            for (Instant time : new Instant[] {m.affectedAt(), m.noticeIssuedAt(), m.notifiedAt(), m.deadlineAt(),
                    m.remediatedAt(), m.updatedAt(), tracked.scheduledAt()}) {
                out.writeLong(time == null ? Long.MIN_VALUE : time.toEpochMilli());
            }
            out.writeByte(m.timeline().size());
            for (TimelineEntry entry : m.timeline()) {
                out.writeByte(entry.state().ordinal());
                out.writeByte(entry.reason().ordinal());
                out.writeLong(entry.at().toEpochMilli());
            }
        }
        return buffer.toByteArray();
    }
}
