package io.resetflow.tracker.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.resetflow.avro.NoticeKind;
import io.resetflow.tracker.domain.MailboxRemediation;
import io.resetflow.tracker.domain.Mailboxes;
import io.resetflow.tracker.domain.RemediationEvent.NoticeIssued;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputRecordsTest {

    @Test
    void statusCountsAsChangedExactlyWhenThePublishedStatusRecordsDiffer() {
        // Given mailboxes in every stage, among them pairs whose differences the status does not show
        // (an issued notice alone) and pairs that differ only in what it does show
        MailboxRemediation reminderIssued = Mailboxes.notified().apply(new NoticeIssued(NoticeKind.REMINDER, 1,
                Mailboxes.T0.plus(Duration.ofDays(3)), null)).after();
        List<MailboxRemediation> stages = List.of(Mailboxes.affected(), Mailboxes.former(), Mailboxes.noticeIssued(),
                Mailboxes.notified(), reminderIssued, Mailboxes.reminded(), Mailboxes.undeliverable(),
                Mailboxes.deadlinePassed(), Mailboxes.forceResetRequested(), Mailboxes.lockRequested());

        for (MailboxRemediation before : stages) {
            for (MailboxRemediation after : stages) {
                // When compared field by field, Then the answer is what comparing the built records gives
                boolean recordsDiffer = !OutputRecords.status(before).equals(OutputRecords.status(after));
                assertThat(OutputRecords.statusChanged(before, after))
                        .as("%s -> %s", before.state(), after.state()).isEqualTo(recordsDiffer);
            }
        }
        assertThat(reminderIssued).isNotEqualTo(Mailboxes.notified());
        assertThat(OutputRecords.statusChanged(Mailboxes.notified(), reminderIssued)).isFalse();
    }
}
