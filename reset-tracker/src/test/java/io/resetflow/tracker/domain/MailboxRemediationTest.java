package io.resetflow.tracker.domain;

import static io.resetflow.tracker.domain.Mailboxes.T0;
import static io.resetflow.tracker.domain.Mailboxes.at;
import static io.resetflow.tracker.domain.Mailboxes.hours;
import static io.resetflow.tracker.domain.Mailboxes.outcome;
import static io.resetflow.tracker.domain.Mailboxes.reset;
import static io.resetflow.tracker.domain.Mailboxes.sent;
import static org.assertj.core.api.Assertions.assertThat;

import io.resetflow.avro.DeliveryStatus;
import io.resetflow.avro.NoticeKind;
import io.resetflow.avro.RemediationState;
import io.resetflow.avro.ResetActor;
import io.resetflow.avro.StateReason;
import io.resetflow.tracker.domain.RemediationEvent.DeadlineReached;
import io.resetflow.tracker.domain.RemediationEvent.ForceResetIssued;
import io.resetflow.tracker.domain.RemediationEvent.LockIssued;
import io.resetflow.tracker.domain.RemediationEvent.NoticeIssued;
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
                io.resetflow.avro.Priority.HIGH), T0);

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
            Change change = Mailboxes.deadlinePassed().apply(new ForceResetIssued(at(Duration.ofDays(14))));

            assertThat(change.after().state()).isEqualTo(RemediationState.FORCE_RESET_REQUESTED);
            assertThat(change.after().reason()).isEqualTo(StateReason.DEADLINE_REACHED);
        }

        @ParameterizedTest
        @EnumSource(value = RemediationState.class, names = {"DEADLINE_PASSED"}, mode = EnumSource.Mode.EXCLUDE)
        void forceResetNeedsAPassedDeadline(RemediationState state) {
            assertThat(Mailboxes.in(state).apply(new ForceResetIssued(hours(400))).changed()).isFalse();
        }
    }

    @Nested
    class FormerAccounts {

        @Test
        void formerAccountIsLockRequestedThenLocked() {
            Change requested = Mailboxes.former().apply(new LockIssued(T0));
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
            assertThat(Mailboxes.affected().apply(new LockIssued(T0)).changed()).isFalse();
        }

        @Test
        void secondLockRequestChangesNothing() {
            assertThat(Mailboxes.lockRequested().apply(new LockIssued(hours(1))).changed()).isFalse();
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
                    new ForceResetIssued(at(Duration.ofDays(14))),
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
}
