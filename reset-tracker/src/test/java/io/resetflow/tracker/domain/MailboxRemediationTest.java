package io.resetflow.tracker.domain;

import static io.resetflow.tracker.domain.Mailboxes.T0;
import static io.resetflow.tracker.domain.Mailboxes.at;
import static io.resetflow.tracker.domain.Mailboxes.hours;
import static io.resetflow.tracker.domain.Mailboxes.outcome;
import static io.resetflow.tracker.domain.Mailboxes.reset;
import static io.resetflow.tracker.domain.Mailboxes.sent;
import static org.assertj.core.api.Assertions.assertThat;

import io.resetflow.avro.CommandAnswerKind;
import io.resetflow.avro.DeliveryStatus;
import io.resetflow.avro.IspAction;
import io.resetflow.avro.NoticeKind;
import io.resetflow.avro.RemediationState;
import io.resetflow.avro.ResetActor;
import io.resetflow.avro.StateReason;
import io.resetflow.tracker.domain.RemediationEvent.CommandExhausted;
import io.resetflow.tracker.domain.RemediationEvent.CommandReissued;
import io.resetflow.tracker.domain.RemediationEvent.DeadlineReached;
import io.resetflow.tracker.domain.RemediationEvent.ForceResetIssued;
import io.resetflow.tracker.domain.RemediationEvent.LockIssued;
import io.resetflow.tracker.domain.RemediationEvent.NoticeIssued;
import io.resetflow.tracker.domain.RemediationEvent.OtherChannelRequested;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MailboxRemediationTest {

    @Test
    void entersAsAffectedWithReasonNew() {
        Change accepted = MailboxRemediation.accept(Mailboxes.intake("mbx-1", io.resetflow.avro.AccountLifecycle.ACTIVE,
                io.resetflow.avro.Priority.HIGH), false, T0);

        assertThat(accepted.after().state()).isEqualTo(RemediationState.AFFECTED);
        assertThat(accepted.after().reason()).isEqualTo(StateReason.NEW);
        assertThat(accepted.transitions()).containsExactly(
                Transition.entered(RemediationState.AFFECTED, StateReason.NEW, T0));
        assertThat(accepted.after().timeline()).hasSize(1);
    }

    @Nested
    class Notices {

        @Test
        void issuingTheInitialNoticeFixesTheDeadlineWithoutChangingState() {
            Change change = Mailboxes.affected().apply(
                    new NoticeIssued(NoticeKind.INITIAL_NOTICE, 0, T0, T0.plus(Duration.ofDays(14))));

            assertThat(change.hasTransitions()).isFalse();
            assertThat(change.after().state()).isEqualTo(RemediationState.AFFECTED);
            assertThat(change.after().noticesIssued()).isEqualTo(1);
            assertThat(change.after().deadlineAt()).isEqualTo(T0.plus(Duration.ofDays(14)));
        }

        @Test
        void issuingTheInitialNoticeTwiceKeepsTheFirstDeadline() {
            MailboxRemediation issued = Mailboxes.noticeIssued();

            Change again = issued.apply(new NoticeIssued(NoticeKind.INITIAL_NOTICE, 0, hours(5), hours(500)));

            assertThat(again.changed()).isFalse();
            assertThat(again.after().deadlineAt()).isEqualTo(issued.deadlineAt());
        }

        @Test
        void deliveredInitialNoticeMovesToNotified() {
            Change change = Mailboxes.noticeIssued().apply(sent(NoticeKind.INITIAL_NOTICE, 0, hours(1)));

            assertThat(change.after().state()).isEqualTo(RemediationState.NOTIFIED);
            assertThat(change.after().reason()).isEqualTo(StateReason.NOTICE_SENT);
            assertThat(change.after().notifiedAt()).isEqualTo(hours(1));
            assertThat(change.transitions()).containsExactly(Transition.between(RemediationState.AFFECTED,
                    RemediationState.NOTIFIED, StateReason.NOTICE_SENT, hours(1)));
        }

        @Test
        void duplicateDeliveryOutcomeChangesNothing() {
            MailboxRemediation notified = Mailboxes.notified();

            Change duplicate = notified.apply(sent(NoticeKind.INITIAL_NOTICE, 0, hours(2)));

            assertThat(duplicate.changed()).isFalse();
            assertThat(duplicate.after().notifiedAt()).isEqualTo(hours(1));
        }

        @Test
        void deferredOutcomeChangesNothing() {
            Change change = Mailboxes.noticeIssued().apply(
                    outcome(NoticeKind.INITIAL_NOTICE, 0, DeliveryStatus.DEFERRED, hours(1)));

            assertThat(change.changed()).isFalse();
        }

        @Test
        void deliveredReminderMovesToRemindedAndCountsIt() {
            Change change = Mailboxes.notified().apply(sent(NoticeKind.REMINDER, 1, at(Duration.ofDays(3))));

            assertThat(change.after().state()).isEqualTo(RemediationState.REMINDED);
            assertThat(change.after().reason()).isEqualTo(StateReason.REMINDER_SENT);
            assertThat(change.after().remindersSent()).isEqualTo(1);
        }

        @Test
        void secondReminderIsATransitionFromRemindedToReminded() {
            Change change = Mailboxes.reminded().apply(sent(NoticeKind.REMINDER, 2, at(Duration.ofDays(7))));

            assertThat(change.transitions()).singleElement().satisfies(t -> {
                assertThat(t.from()).contains(RemediationState.REMINDED);
                assertThat(t.to()).isEqualTo(RemediationState.REMINDED);
            });
            assertThat(change.after().remindersSent()).isEqualTo(2);
        }

        @Test
        void lateOutcomeOfAnEarlierReminderChangesNothing() {
            MailboxRemediation second = Mailboxes.reminded().apply(sent(NoticeKind.REMINDER, 2, at(Duration.ofDays(7))))
                    .after();

            Change late = second.apply(sent(NoticeKind.REMINDER, 1, at(Duration.ofDays(8))));

            assertThat(late.changed()).isFalse();
            assertThat(late.after().remindersSent()).isEqualTo(2);
        }

        @Test
        void reminderOutcomeBeforeInitialOutcomeStillCountsAndInitialOnlyNotesTheTime() {
            MailboxRemediation reminded = Mailboxes.noticeIssued()
                    .apply(sent(NoticeKind.REMINDER, 1, at(Duration.ofDays(3)))).after();

            Change initialLate = reminded.apply(sent(NoticeKind.INITIAL_NOTICE, 0, at(Duration.ofDays(3).plusHours(1))));

            assertThat(reminded.state()).isEqualTo(RemediationState.REMINDED);
            assertThat(initialLate.hasTransitions()).isFalse();
            assertThat(initialLate.after().state()).isEqualTo(RemediationState.REMINDED);
            assertThat(initialLate.after().notifiedAt()).isEqualTo(at(Duration.ofDays(3).plusHours(1)));
        }

        @Test
        void finalNoticeOutcomeChangesNoState() {
            MailboxRemediation forced = Mailboxes.forceResetRequested();

            Change change = forced.apply(sent(NoticeKind.FINAL_NOTICE, 3, at(Duration.ofDays(14))));

            assertThat(change.changed()).isFalse();
        }

        @Test
        void noticesAreNotRecordedForFormerAccounts() {
            Change change = Mailboxes.former().apply(new NoticeIssued(NoticeKind.INITIAL_NOTICE, 0, T0, hours(10)));

            assertThat(change.changed()).isFalse();
        }
    }

    @Nested
    class Undeliverable {

        @ParameterizedTest
        @EnumSource(value = RemediationState.class, names = {"AFFECTED", "NOTIFIED", "REMINDED"})
        void bounceMovesAnOpenMailboxToUndeliverable(RemediationState state) {
            Change change = Mailboxes.in(state).apply(outcome(NoticeKind.REMINDER, 2, DeliveryStatus.BOUNCED, hours(200)));

            assertThat(change.after().state()).isEqualTo(RemediationState.UNDELIVERABLE);
            assertThat(change.after().reason()).isEqualTo(StateReason.BOUNCED);
        }

        @Test
        void permanentFailureIsUndeliverableWithItsOwnReason() {
            Change change = Mailboxes.noticeIssued().apply(
                    outcome(NoticeKind.INITIAL_NOTICE, 0, DeliveryStatus.FAILED, hours(1)));

            assertThat(change.after().state()).isEqualTo(RemediationState.UNDELIVERABLE);
            assertThat(change.after().reason()).isEqualTo(StateReason.DELIVERY_FAILED);
        }

        @ParameterizedTest
        @EnumSource(value = RemediationState.class,
                names = {"UNDELIVERABLE", "DEADLINE_PASSED", "FORCE_RESET_REQUESTED", "RESET_COMPLETED", "LOCKED",
                        "LOCK_REQUESTED"})
        void lateBounceChangesNothingOnceTheMailboxMovedOn(RemediationState state) {
            MailboxRemediation before = Mailboxes.in(state);

            Change change = before.apply(outcome(NoticeKind.INITIAL_NOTICE, 0, DeliveryStatus.BOUNCED, hours(300)));

            assertThat(change.changed()).isFalse();
        }

        @Test
        void successAfterABounceDoesNotRevive() {
            Change change = Mailboxes.undeliverable().apply(sent(NoticeKind.REMINDER, 1, hours(80)));

            assertThat(change.after().state()).isEqualTo(RemediationState.UNDELIVERABLE);
        }
    }

    @Nested
    class Resets {

        @ParameterizedTest
        @EnumSource(value = RemediationState.class, names = {"RESET_COMPLETED", "LOCKED"}, mode = EnumSource.Mode.EXCLUDE)
        void customerResetCompletesFromEveryOpenState(RemediationState state) {
            Change change = Mailboxes.in(state).apply(reset(ResetActor.CUSTOMER));

            assertThat(change.after().state()).isEqualTo(RemediationState.RESET_COMPLETED);
            assertThat(change.after().reason()).isEqualTo(StateReason.RESET_BY_CUSTOMER);
            assertThat(change.after().remediatedAt()).isEqualTo(at(Duration.ofDays(5)));
            assertThat(change.after().isRemediated()).isTrue();
        }

        @Test
        void resetBeforeTheNoticeWentOutCompletes() {
            Change change = Mailboxes.affected().apply(reset(ResetActor.CUSTOMER));

            assertThat(change.transitions()).containsExactly(Transition.between(RemediationState.AFFECTED,
                    RemediationState.RESET_COMPLETED, StateReason.RESET_BY_CUSTOMER, at(Duration.ofDays(5))));
        }

        @Test
        void operatorResetIsRecordedAsSuch() {
            assertThat(Mailboxes.notified().apply(reset(ResetActor.OPERATOR)).after().reason())
                    .isEqualTo(StateReason.RESET_BY_OPERATOR);
        }

        @Test
        void forcedResetAfterTheDeadlineCompletesAsForcedByIsp() {
            Change change = Mailboxes.forceResetRequested().apply(reset(ResetActor.FORCED));

            assertThat(change.after().state()).isEqualTo(RemediationState.RESET_COMPLETED);
            assertThat(change.after().reason()).isEqualTo(StateReason.RESET_FORCED_BY_ISP);
        }

        @Test
        void lockOfAnActiveAccountIsLockedByIsp() {
            Change change = Mailboxes.notified().apply(reset(ResetActor.LOCKED));

            assertThat(change.after().state()).isEqualTo(RemediationState.LOCKED);
            assertThat(change.after().reason()).isEqualTo(StateReason.LOCKED_BY_ISP);
        }

        @ParameterizedTest
        @EnumSource(ResetActor.class)
        void remediatedMailboxIgnoresFurtherResetEvents(ResetActor actor) {
            MailboxRemediation done = Mailboxes.in(RemediationState.RESET_COMPLETED);

            assertThat(done.apply(reset(actor)).changed()).isFalse();
            assertThat(Mailboxes.in(RemediationState.LOCKED).apply(reset(actor)).changed()).isFalse();
        }
    }

    @Nested
    class Deadlines {

        @ParameterizedTest
        @EnumSource(value = RemediationState.class, names = {"AFFECTED", "NOTIFIED", "REMINDED"})
        void deadlinePassesForAnOpenMailbox(RemediationState state) {
            Change change = Mailboxes.in(state).apply(new DeadlineReached(at(Duration.ofDays(14))));

            assertThat(change.after().state()).isEqualTo(RemediationState.DEADLINE_PASSED);
            assertThat(change.after().reason()).isEqualTo(StateReason.DEADLINE_REACHED);
        }

        @Test
        void undeliverableMailboxKeepsItsReasonPastTheDeadline() {
            Change change = Mailboxes.undeliverable().apply(new DeadlineReached(at(Duration.ofDays(14))));

            assertThat(change.after().state()).isEqualTo(RemediationState.DEADLINE_PASSED);
            assertThat(change.after().reason()).isEqualTo(StateReason.BOUNCED);
        }

        @Test
        void noDeadlineBeforeAnyNoticeWasIssued() {
            assertThat(Mailboxes.affected().apply(new DeadlineReached(hours(400))).changed()).isFalse();
        }

        @ParameterizedTest
        @EnumSource(value = RemediationState.class,
                names = {"DEADLINE_PASSED", "FORCE_RESET_REQUESTED", "RESET_COMPLETED", "LOCKED", "LOCK_REQUESTED"})
        void deadlineDoesNotApplyTwiceNorToClosedMailboxes(RemediationState state) {
            assertThat(Mailboxes.in(state).apply(new DeadlineReached(hours(400))).changed()).isFalse();
        }

        @Test
        void forceResetFollowsThePassedDeadline() {
            Change change = Mailboxes.deadlinePassed().apply(new ForceResetIssued(at(Duration.ofDays(14)), at(Duration.ofDays(14)).plus(Duration.ofDays(2))));

            assertThat(change.after().state()).isEqualTo(RemediationState.FORCE_RESET_REQUESTED);
            assertThat(change.after().reason()).isEqualTo(StateReason.DEADLINE_REACHED);
        }

        @ParameterizedTest
        @EnumSource(value = RemediationState.class, names = {"DEADLINE_PASSED"}, mode = EnumSource.Mode.EXCLUDE)
        void forceResetNeedsAPassedDeadline(RemediationState state) {
            assertThat(Mailboxes.in(state).apply(new ForceResetIssued(hours(400), hours(400).plus(Duration.ofDays(2)))).changed()).isFalse();
        }
    }

    @Nested
    class FormerAccounts {

        @Test
        void formerAccountIsLockRequestedThenLocked() {
            Change requested = Mailboxes.former().apply(new LockIssued(T0, T0.plus(Duration.ofDays(2))));
            Change locked = requested.after().apply(reset(ResetActor.LOCKED));

            assertThat(requested.after().state()).isEqualTo(RemediationState.LOCK_REQUESTED);
            assertThat(requested.after().reason()).isEqualTo(StateReason.LOCKED_FORMER_ACCOUNT);
            assertThat(locked.after().state()).isEqualTo(RemediationState.LOCKED);
            assertThat(locked.after().reason()).isEqualTo(StateReason.LOCKED_FORMER_ACCOUNT);
        }

        @Test
        void lockConfirmationBeforeTheRequestStillLocksAsFormerAccount() {
            Change locked = Mailboxes.former().apply(reset(ResetActor.LOCKED));

            assertThat(locked.after().reason()).isEqualTo(StateReason.LOCKED_FORMER_ACCOUNT);
        }

        @Test
        void activeAccountsAreNeverLockRequested() {
            assertThat(Mailboxes.affected().apply(new LockIssued(T0, T0.plus(Duration.ofDays(2)))).changed()).isFalse();
        }

        @Test
        void secondLockRequestChangesNothing() {
            assertThat(Mailboxes.lockRequested().apply(new LockIssued(hours(1), hours(1).plus(Duration.ofDays(2)))).changed()).isFalse();
        }
    }

    @Nested
    class History {

        @Test
        void timelineRecordsEveryStateEnteredWithReasonAndTime() {
            MailboxRemediation done = Mailboxes.forceResetRequested().apply(reset(ResetActor.FORCED)).after();

            assertThat(done.timeline()).extracting(TimelineEntry::state).containsExactly(RemediationState.AFFECTED,
                    RemediationState.NOTIFIED, RemediationState.REMINDED, RemediationState.DEADLINE_PASSED,
                    RemediationState.FORCE_RESET_REQUESTED, RemediationState.RESET_COMPLETED);
        }

        @Test
        void timelineKeepsOnlyTheMostRecentEntries() {
            MailboxRemediation m = Mailboxes.notified();
            for (int reminder = 1; reminder <= 30; reminder++) {
                m = m.apply(sent(NoticeKind.REMINDER, reminder, hours(reminder))).after();
            }

            assertThat(m.timeline()).hasSize(MailboxRemediation.TIMELINE_LIMIT);
            assertThat(m.timeline().get(MailboxRemediation.TIMELINE_LIMIT - 1).at()).isEqualTo(hours(30));
        }

        @Test
        void replayingEveryEventTwiceEndsInTheSameMailbox() {
            List<RemediationEvent> events = List.of(
                    new NoticeIssued(NoticeKind.INITIAL_NOTICE, 0, T0, at(Duration.ofDays(14))),
                    sent(NoticeKind.INITIAL_NOTICE, 0, hours(1)),
                    new NoticeIssued(NoticeKind.REMINDER, 1, at(Duration.ofDays(3)), null),
                    sent(NoticeKind.REMINDER, 1, at(Duration.ofDays(3))),
                    new DeadlineReached(at(Duration.ofDays(14))),
                    new ForceResetIssued(at(Duration.ofDays(14)), at(Duration.ofDays(14)).plus(Duration.ofDays(2))),
                    reset(ResetActor.FORCED));
            MailboxRemediation once = Mailboxes.affected();
            MailboxRemediation twice = Mailboxes.affected();
            for (RemediationEvent event : events) {
                once = once.apply(event).after();
                twice = twice.apply(event).after().apply(event).after();
            }

            assertThat(twice).isEqualTo(once);
            assertThat(once.state()).isEqualTo(RemediationState.RESET_COMPLETED);
            assertThat(Optional.ofNullable(once.remediatedAt())).isPresent();
        }
    }

    @Nested
    class Commands {

        private final MailboxRemediation forced = Mailboxes.forceResetRequested();
        private final String commandId = forced.command().commandId(forced.mailboxId());

        private RemediationEvent.CommandAnswered answer(String id, CommandAnswerKind kind) {
            return new RemediationEvent.CommandAnswered(id, kind, null, "isp-1", hours(340), hours(400));
        }

        @Test
        void forceResetOpensTheFirstAttemptOfItsCommand() {
            assertThat(forced.command()).isEqualTo(OpenCommand.first(IspAction.FORCE_PASSWORD_RESET,
                    at(Duration.ofDays(14)), at(Duration.ofDays(16))));
            assertThat(commandId).isEqualTo("mbx-1.force-password-reset.1");
        }

        @Test
        void reissueTakesOnlyTheNextAttempt() {
            MailboxRemediation second = forced.apply(new CommandReissued(2, hours(384), hours(432))).after();

            assertThat(second.command().attempt()).isEqualTo(2);
            assertThat(second.command().respondBy()).isEqualTo(hours(432));
            assertThat(forced.apply(new CommandReissued(3, hours(384), hours(432))).changed()).isFalse();
            assertThat(second.apply(new CommandReissued(2, hours(390), hours(440))).changed()).isFalse();
        }

        @Test
        void anAnswerToAnEarlierAttemptOfTheSameActionCounts() {
            MailboxRemediation second = forced.apply(new CommandReissued(2, hours(384), hours(432))).after();

            Change done = second.apply(answer(commandId, CommandAnswerKind.DONE));

            assertThat(done.after().state()).isEqualTo(RemediationState.RESET_COMPLETED);
            assertThat(done.after().remediatedAt()).isEqualTo(hours(340));
            assertThat(done.transitions()).singleElement().extracting(Transition::to)
                    .isEqualTo(RemediationState.RESET_COMPLETED);
        }

        @Test
        void anAnswerForAnotherActionOrMailboxChangesNothing() {
            assertThat(forced.apply(answer("mbx-1.lock-account.1", CommandAnswerKind.DONE)).changed()).isFalse();
            assertThat(forced.apply(answer("mbx-2.force-password-reset.1", CommandAnswerKind.DONE)).changed()).isFalse();
            assertThat(Mailboxes.notified().apply(answer(commandId, CommandAnswerKind.DONE)).changed()).isFalse();
        }

        @Test
        void acceptedOnceExtendsTheRespondByAndIsNotedWithoutChangingTheState() {
            Change accepted = forced.apply(answer(commandId, CommandAnswerKind.ACCEPTED));

            assertThat(accepted.after().state()).isEqualTo(RemediationState.FORCE_RESET_REQUESTED);
            assertThat(accepted.after().reason()).isEqualTo(forced.reason());
            assertThat(accepted.after().command().respondBy()).isEqualTo(hours(400));
            assertThat(accepted.transitions()).isEmpty();
            assertThat(accepted.after().timeline()).last().isEqualTo(new TimelineEntry(
                    RemediationState.FORCE_RESET_REQUESTED, StateReason.COMMAND_ACCEPTED, hours(340), "isp-1"));
            assertThat(accepted.after().apply(answer(commandId, CommandAnswerKind.ACCEPTED)).changed()).isFalse();
        }

        @Test
        void cannotActOrNoAnswerAfterTheLastAttemptEscalates() {
            Change refused = forced.apply(answer(commandId, CommandAnswerKind.CANNOT_ACT));
            Change exhausted = forced.apply(new CommandExhausted(hours(500)));

            assertThat(refused.after().state()).isEqualTo(RemediationState.ESCALATED);
            assertThat(refused.after().reason()).isEqualTo(StateReason.ISP_CANNOT_ACT);
            assertThat(exhausted.after().state()).isEqualTo(RemediationState.ESCALATED);
            assertThat(exhausted.after().reason()).isEqualTo(StateReason.COMMAND_UNANSWERED);
            assertThat(exhausted.after().command()).isNull();
        }

        @Test
        void escalatedMailboxStillCountsTheCustomersReset() {
            MailboxRemediation escalated = forced.apply(new CommandExhausted(hours(500))).after();

            assertThat(escalated.apply(reset(ResetActor.CUSTOMER)).after().state())
                    .isEqualTo(RemediationState.RESET_COMPLETED);
        }

        @Test
        void otherChannelIsAskedOnceForABouncedMailboxAndAFailureWaitsForTheDeadline() {
            MailboxRemediation bounced = Mailboxes.undeliverable();
            MailboxRemediation asked = bounced.apply(new OtherChannelRequested(hours(1), hours(49))).after();
            MailboxRemediation failed = asked.apply(new CommandExhausted(hours(200))).after();

            assertThat(asked.state()).isEqualTo(RemediationState.UNDELIVERABLE);
            assertThat(asked.reason()).isEqualTo(StateReason.OTHER_CHANNEL_REQUESTED);
            assertThat(asked.command().action()).isEqualTo(IspAction.REACH_BY_OTHER_CHANNEL);
            assertThat(asked.apply(new OtherChannelRequested(hours(2), hours(50))).changed()).isFalse();
            assertThat(failed.state()).isEqualTo(RemediationState.UNDELIVERABLE);
            assertThat(failed.reason()).isEqualTo(StateReason.OTHER_CHANNEL_FAILED);
            assertThat(failed.apply(new DeadlineReached(at(Duration.ofDays(14)))).after().state())
                    .isEqualTo(RemediationState.DEADLINE_PASSED);
        }

        @Test
        void resetClosesTheOpenCommand() {
            assertThat(forced.apply(reset(ResetActor.CUSTOMER)).after().command()).isNull();
            assertThat(Mailboxes.lockRequested().apply(reset(ResetActor.LOCKED)).after().command()).isNull();
        }
    }

    @Nested
    class Redrive {

        @Test
        void undeliverableMailboxWithAReDrivenReasonGoesBackToWhereItsLastNoticeLeftIt() {
            MailboxRemediation failed = Mailboxes.noticeIssued()
                    .apply(outcome(NoticeKind.INITIAL_NOTICE, 0, DeliveryStatus.FAILED, hours(1))).after();

            Change redriven = failed.apply(new RemediationEvent.Redriven(java.util.Set.of(StateReason.DELIVERY_FAILED),
                    hours(5)));
            MailboxRemediation issued = redriven.after().apply(new RemediationEvent.RedriveIssued(hours(5))).after();

            assertThat(redriven.after().state()).isEqualTo(RemediationState.AFFECTED);
            assertThat(redriven.after().reason()).isEqualTo(StateReason.REDRIVEN);
            assertThat(redriven.after().redrives()).isEqualTo(1);
            assertThat(redriven.after().redrivePending()).isTrue();
            assertThat(redriven.after().deadlineAt()).isEqualTo(failed.deadlineAt());
            assertThat(issued.redrivePending()).isFalse();
        }

        @Test
        void otherReasonsAndOtherStatesAreLeftAlone() {
            MailboxRemediation bounced = Mailboxes.undeliverable();

            assertThat(bounced.apply(new RemediationEvent.Redriven(java.util.Set.of(StateReason.DELIVERY_FAILED),
                    hours(5))).changed()).isFalse();
            assertThat(Mailboxes.notified().apply(new RemediationEvent.Redriven(
                    java.util.Set.of(StateReason.NOTICE_SENT), hours(5))).changed()).isFalse();
        }

        @Test
        void reDrivenNotificationIdsKeepTheirSequence() {
            assertThat(NotificationIds.redriven("mbx", NoticeKind.REMINDER, 2, 1)).isEqualTo("mbx.reminder.2.r1");
            assertThat(NotificationIds.sequenceOf("mbx.reminder.2.r1")).hasValue(2);
            assertThat(NotificationIds.sequenceOf("mbx.reminder.2")).hasValue(2);
        }
    }
}
