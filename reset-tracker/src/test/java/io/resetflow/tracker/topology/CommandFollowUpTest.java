package io.resetflow.tracker.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.resetflow.avro.AccountLifecycle;
import io.resetflow.avro.CommandAnswerKind;
import io.resetflow.avro.CommandRefusal;
import io.resetflow.avro.DeliveryStatus;
import io.resetflow.avro.IspAction;
import io.resetflow.avro.IspCommand;
import io.resetflow.avro.IspCommandAnswer;
import io.resetflow.avro.NotificationRequest;
import io.resetflow.avro.Priority;
import io.resetflow.avro.RejectReason;
import io.resetflow.avro.RejectedRow;
import io.resetflow.avro.RemediationState;
import io.resetflow.avro.ResetActor;
import io.resetflow.avro.StateReason;
import io.resetflow.tracker.domain.MailboxRemediation;
import io.resetflow.tracker.domain.TimelineEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands to ISPs are never final resting places: each is followed up until the ISP gives a final
 * answer, is issued again with the next attempt when it does not (nifty: three attempts two days
 * apart, the defaults), and the mailbox is escalated after the last attempt.
 */
class CommandFollowUpTest {

    private static final Instant DEADLINE = TrackerDriver.START.plus(Duration.ofDays(14));

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
    void unansweredForceResetIsIssuedAgainUntilItsLastAttemptThenEscalated() {
        IspCommand first = forcedAtTheDeadline("MBX-F");

        t.advanceInSteps(Duration.ofDays(10), Duration.ofHours(6));
        List<IspCommand> later = t.commands("nifty").readValuesToList();

        assertThat(first.getAttempt()).isEqualTo(1);
        assertThat(first.getRespondBy()).isEqualTo(DEADLINE.plus(Duration.ofDays(2)));
        assertThat(later).extracting(IspCommand::getCommandId, IspCommand::getAttempt, IspCommand::getRespondBy)
                .containsExactly(
                        tuple("MBX-F.force-password-reset.2", 2, DEADLINE.plus(Duration.ofDays(4))),
                        tuple("MBX-F.force-password-reset.3", 3, DEADLINE.plus(Duration.ofDays(6))));
        MailboxRemediation m = mailbox("MBX-F");
        assertThat(m.state()).isEqualTo(RemediationState.ESCALATED);
        assertThat(m.reason()).isEqualTo(StateReason.COMMAND_UNANSWERED);
        assertThat(m.command()).isNull();
        assertThat(t.counter("nifty", "reached|" + RemediationState.ESCALATED.name())).isEqualTo(1);
    }

    @Test
    void doneAnswerCompletesTheResetAttributedToTheIspAndEndsTheFollowUp() {
        IspCommand command = forcedAtTheDeadline("MBX-D");

        t.advance(Duration.ofHours(3));
        t.answer("nifty", command, CommandAnswerKind.DONE, null, "nifty-reset-batch");
        t.advanceInSteps(Duration.ofDays(8), Duration.ofHours(6));

        MailboxRemediation m = mailbox("MBX-D");
        assertThat(m.state()).isEqualTo(RemediationState.RESET_COMPLETED);
        assertThat(m.reason()).isEqualTo(StateReason.RESET_FORCED_BY_ISP);
        assertThat(m.timeline()).last().extracting(TimelineEntry::state, TimelineEntry::by)
                .containsExactly(RemediationState.RESET_COMPLETED, "nifty-reset-batch");
        assertThat(t.commands("nifty").readValuesToList()).isEmpty();
    }

    @Test
    void acceptedAnswerIsNotedAndGivesTheIspOneMoreTimeoutFromThen() {
        IspCommand command = forcedAtTheDeadline("MBX-A");

        t.advance(Duration.ofDays(1));
        t.answer("nifty", command, CommandAnswerKind.ACCEPTED, null, "nifty-desk-3");
        t.advanceInSteps(Duration.ofDays(2).minusHours(1), Duration.ofHours(1));
        List<IspCommand> beforeTheNewRespondBy = t.commands("nifty").readValuesToList();
        t.advance(Duration.ofHours(1));
        List<IspCommand> atIt = t.commands("nifty").readValuesToList();

        assertThat(beforeTheNewRespondBy).isEmpty();
        assertThat(atIt).extracting(IspCommand::getAttempt).containsExactly(2);
        assertThat(mailbox("MBX-A").timeline()).extracting(TimelineEntry::reason, TimelineEntry::by)
                .contains(tuple(StateReason.COMMAND_ACCEPTED, "nifty-desk-3"));
    }

    @Test
    void ispThatCannotActEscalatesTheMailboxWithItsAnswer() {
        IspCommand command = forcedAtTheDeadline("MBX-C");

        t.answer("nifty", command, CommandAnswerKind.CANNOT_ACT, CommandRefusal.ACCOUNT_NOT_FOUND, "nifty-desk-1");
        t.advanceInSteps(Duration.ofDays(8), Duration.ofHours(6));

        MailboxRemediation m = mailbox("MBX-C");
        assertThat(m.state()).isEqualTo(RemediationState.ESCALATED);
        assertThat(m.reason()).isEqualTo(StateReason.ISP_CANNOT_ACT);
        assertThat(t.commands("nifty").readValuesToList()).isEmpty();
    }

    @Test
    void customerResetThatOvertakesTheCommandCancelsIt() {
        IspCommand command = forcedAtTheDeadline("MBX-R");

        t.advance(Duration.ofHours(5));
        t.reset("nifty", "MBX-R", ResetActor.CUSTOMER, t.now());
        t.advance(Duration.ofSeconds(1));
        List<IspCommand> cancels = t.commands("nifty").readValuesToList();
        t.advanceInSteps(Duration.ofDays(8), Duration.ofHours(6));

        assertThat(cancels).extracting(IspCommand::getCommandId, IspCommand::getCancelled)
                .containsExactly(tuple(command.getCommandId(), true));
        assertThat(mailbox("MBX-R").reason()).isEqualTo(StateReason.RESET_BY_CUSTOMER);
        assertThat(t.commands("nifty").readValuesToList()).isEmpty();
    }

    @Test
    void forcedResetReportedByTheIspIsTheCommandDoneNotACancel() {
        forcedAtTheDeadline("MBX-I");

        t.reset("nifty", "MBX-I", ResetActor.FORCED, t.now());
        t.advance(Duration.ofSeconds(1));

        assertThat(t.commands("nifty").readValuesToList()).isEmpty();
        assertThat(mailbox("MBX-I").state()).isEqualTo(RemediationState.RESET_COMPLETED);
    }

    @Test
    void answerNamingAnotherTenantOrAnUnknownMailboxIsRejectedAndChangesNothing() {
        IspCommand command = forcedAtTheDeadline("MBX-X");

        // capped answers on its own topic for nifty's mailbox; nifty answers for a mailbox it never had
        t.answer("capped", IspCommandAnswer.newBuilder().setCommandId(command.getCommandId()).setMailboxId("MBX-X")
                .setTenant("nifty").setAnswer(CommandAnswerKind.DONE).setAnsweredBy("capped-ops")
                .setAnsweredAt(t.now()).build());
        t.answer("capped", IspCommandAnswer.newBuilder().setCommandId(command.getCommandId()).setMailboxId("MBX-X")
                .setTenant("capped").setAnswer(CommandAnswerKind.DONE).setAnsweredBy("capped-ops")
                .setAnsweredAt(t.now()).build());
        t.answer("nifty", IspCommandAnswer.newBuilder().setCommandId("MBX-NONE.force-password-reset.1")
                .setMailboxId("MBX-NONE").setTenant("nifty").setAnswer(CommandAnswerKind.DONE).setAnsweredBy("n")
                .setAnsweredAt(t.now()).build());
        t.advance(Duration.ofSeconds(1));

        // Each refusal goes to the rejected-events topic of the ISP whose feed it came on
        assertThat(t.rejected.of("isp.capped.rejected-events")).extracting(RejectedRow::getReason,
                        r -> r.getSource().getFile())
                .containsExactly(
                        tuple(RejectReason.TENANT_DOMAIN_MISMATCH, "isp.capped.command-answers"),
                        tuple(RejectReason.UNKNOWN_MAILBOX, "isp.capped.command-answers"));
        assertThat(t.rejected.of("isp.nifty.rejected-events")).extracting(RejectedRow::getReason,
                        r -> r.getSource().getFile())
                .containsExactly(tuple(RejectReason.UNKNOWN_MAILBOX, "isp.nifty.command-answers"));
        assertThat(t.rejected.isEmpty()).isTrue();
        assertThat(mailbox("MBX-X").state()).isEqualTo(RemediationState.FORCE_RESET_REQUESTED);
    }

    @Test
    void inactiveAccountsAreLockedWhereTheTenantsPolicySaysSoAndTheLockIsFollowedUp() {
        t.accept("MBX-IN", "island", AccountLifecycle.INACTIVE, Priority.NORMAL);
        t.accept("MBX-MAILED", "nifty", AccountLifecycle.INACTIVE, Priority.NORMAL);
        List<IspCommand> locks = t.commands("island").readValuesToList();
        List<NotificationRequest> notices = t.drainNotices();
        // island: two attempts a day apart
        t.advanceInSteps(Duration.ofDays(3), Duration.ofHours(6));

        assertThat(locks).extracting(IspCommand::getAction, IspCommand::getAttempt)
                .containsExactly(tuple(IspAction.LOCK_ACCOUNT, 1));
        assertThat(notices).extracting(NotificationRequest::getMailboxId).containsExactly("MBX-MAILED");
        assertThat(t.commands("island").readValuesToList()).extracting(IspCommand::getAttempt).containsExactly(2);
        assertThat(mailbox("MBX-IN").state()).isEqualTo(RemediationState.ESCALATED);
    }

    /** Takes a notified mailbox that never resets to its deadline; returns the force-reset command. */
    private IspCommand forcedAtTheDeadline(String mailboxId) {
        t.accept(mailboxId);
        t.delivered(t.drainNotices().get(0), DeliveryStatus.SENT);
        t.advanceInSteps(Duration.ofDays(14), Duration.ofDays(1));
        List<NotificationRequest> reminders = t.drainNotices();
        reminders.forEach(notice -> t.delivered(notice, DeliveryStatus.SENT));
        List<IspCommand> commands = t.commands("nifty").readValuesToList();
        assertThat(commands).hasSize(1);
        assertThat(mailbox(mailboxId).state()).isEqualTo(RemediationState.FORCE_RESET_REQUESTED);
        return commands.get(0);
    }

    private MailboxRemediation mailbox(String mailboxId) {
        return t.mailboxes().get(mailboxId).remediation();
    }
}
