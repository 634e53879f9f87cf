package io.resetflow.tracker.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.resetflow.avro.DeliveryStatus;
import io.resetflow.avro.IspAction;
import io.resetflow.avro.IspCommand;
import io.resetflow.avro.NoticeKind;
import io.resetflow.avro.NotificationRequest;
import io.resetflow.avro.RedriveRequest;
import io.resetflow.avro.RemediationState;
import io.resetflow.avro.StateReason;
import io.resetflow.tracker.domain.MailboxRemediation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Operations re-drive a tenant's undeliverable mailboxes after its relay was fixed. */
class RedriveTest {

    @TempDir
    Path stateDir;

    private TrackerDriver t;

    @BeforeEach
    void start() {
        t = new TrackerDriver(stateDir, Map.of());
    }

    @AfterEach
    void close() {
        t.close();
    }

    @Test
    void failedMailboxesOfTheTenantGetTheirLastNoticeAgainUnderANewIdAndCarryOn() {
        // Given nifty's MBX-1 failed on its initial notice, MBX-2 on its first reminder, MBX-3 bounced
        // (the ISP asked for another channel) and capped's MBX-4 failed too
        t.accept("MBX-1");
        t.accept("MBX-2");
        t.accept("MBX-3");
        t.accept("MBX-4", "capped", io.resetflow.avro.AccountLifecycle.ACTIVE, io.resetflow.avro.Priority.URGENT);
        for (NotificationRequest notice : t.drainNotices()) {
            DeliveryStatus status = switch (notice.getMailboxId()) {
                case "MBX-1", "MBX-4" -> DeliveryStatus.FAILED;
                case "MBX-3" -> DeliveryStatus.BOUNCED;
                default -> DeliveryStatus.SENT;
            };
            t.delivered(notice, status);
        }
        t.advance(Duration.ofDays(3));
        t.delivered(single(t.drainNotices()), DeliveryStatus.FAILED);
        t.commands("nifty").readValuesToList();

        // When operations re-drive nifty's DELIVERY_FAILED mailboxes
        redrive("nifty", StateReason.DELIVERY_FAILED);
        List<NotificationRequest> again = t.drainNotices();
        again.forEach(notice -> t.delivered(notice, DeliveryStatus.SENT));

        // Then exactly MBX-1 (initial notice) and MBX-2 (first reminder) are mailed again, under new ids
        assertThat(again).extracting(NotificationRequest::getNotificationId, NotificationRequest::getKind)
                .containsExactlyInAnyOrder(
                        tuple("MBX-1.initial-notice.0.r1", NoticeKind.INITIAL_NOTICE),
                        tuple("MBX-2.reminder.1.r1", NoticeKind.REMINDER));
        assertThat(mailbox("MBX-1").state()).isEqualTo(RemediationState.NOTIFIED);
        assertThat(mailbox("MBX-2").state()).isEqualTo(RemediationState.REMINDED);
        assertThat(mailbox("MBX-1").timeline()).extracting(e -> e.reason()).contains(StateReason.REDRIVEN);
        assertThat(mailbox("MBX-3").state()).isEqualTo(RemediationState.UNDELIVERABLE);
        assertThat(mailbox("MBX-4").state()).isEqualTo(RemediationState.UNDELIVERABLE);
        // and the campaign carries on from there: MBX-1's deadline is unchanged and its reminders follow
        assertThat(again).allSatisfy(notice -> assertThat(notice.getDeadline())
                .isEqualTo(TrackerDriver.START.plus(Duration.ofDays(14))));
        t.advance(Duration.ofDays(1));
        assertThat(t.drainNotices()).extracting(NotificationRequest::getNotificationId)
                .containsExactly("MBX-1.reminder.1");
    }

    @Test
    void bouncedMailboxReDrivenWithdrawsItsOtherChannelRequest() {
        t.accept("MBX-B");
        t.delivered(single(t.drainNotices()), DeliveryStatus.BOUNCED);
        IspCommand otherChannel = single(t.commands("nifty").readValuesToList());

        redrive("nifty", StateReason.BOUNCED, StateReason.OTHER_CHANNEL_REQUESTED);

        assertThat(otherChannel.getAction()).isEqualTo(IspAction.REACH_BY_OTHER_CHANNEL);
        assertThat(t.commands("nifty").readValuesToList()).extracting(IspCommand::getCommandId, IspCommand::getCancelled)
                .containsExactly(tuple(otherChannel.getCommandId(), true));
        assertThat(t.drainNotices()).extracting(NotificationRequest::getNotificationId)
                .containsExactly("MBX-B.initial-notice.0.r1");
        assertThat(mailbox("MBX-B").command()).isNull();
    }

    private void redrive(String tenant, StateReason... reasons) {
        t.redrive(RedriveRequest.newBuilder().setRequestId("rd-1").setTenant(tenant).setReasons(List.of(reasons))
                .setRequestedBy("ops-7").setRequestedAt(t.now()).build());
    }

    private MailboxRemediation mailbox(String mailboxId) {
        return t.mailboxes().get(mailboxId).remediation();
    }

    private static <T> T single(List<T> values) {
        assertThat(values).hasSize(1);
        return values.get(0);
    }
}
