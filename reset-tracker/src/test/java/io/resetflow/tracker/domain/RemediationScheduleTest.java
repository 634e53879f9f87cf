package io.resetflow.tracker.domain;

import static io.resetflow.tracker.domain.Mailboxes.T0;
import static io.resetflow.tracker.domain.Mailboxes.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.resetflow.avro.AccountLifecycle;
import io.resetflow.avro.Priority;
import io.resetflow.avro.RemediationState;
import io.resetflow.avro.ResetActor;
import io.resetflow.avro.StateReason;
import io.resetflow.core.tenant.QuietHours;
import io.resetflow.core.tenant.RemediationPolicy;
import io.resetflow.tracker.domain.DueAction.Kind;
import io.resetflow.tracker.domain.RemediationEvent.NoticeIssued;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RemediationScheduleTest {

    private final RemediationPolicy policy = RemediationPolicy.DEFAULT; // reminders +3d, +7d; deadline +14d
    private final RemediationSchedule schedule = new RemediationSchedule(InitialNoticePlan.immediate());

    @Test
    void initialNoticeIsDueOnAcceptanceWhenImmediate() {
        assertThat(schedule.next(Mailboxes.affected(), policy))
                .contains(new DueAction(Kind.INITIAL_NOTICE, 0, T0));
    }

    @Test
    void initialNoticeWaitsForThePriorityWave() {
        Instant start = T0.minus(Duration.ofHours(1));
        RemediationSchedule waves = new RemediationSchedule(
                new InitialNoticePlan(InitialNoticePlan.Mode.WAVES, start, Duration.ofDays(1)));
        MailboxRemediation urgent = MailboxRemediation.accept(
                Mailboxes.intake("u", AccountLifecycle.ACTIVE, Priority.URGENT), false, T0).after();
        MailboxRemediation normal = MailboxRemediation.accept(
                Mailboxes.intake("n", AccountLifecycle.INACTIVE, Priority.NORMAL), false, T0).after();

        assertThat(waves.next(urgent, policy)).get().extracting(DueAction::dueAt).isEqualTo(T0);
        assertThat(waves.next(normal, policy)).get().extracting(DueAction::dueAt)
                .isEqualTo(start.plus(Duration.ofDays(2)));
    }

    @Test
    void remindersFollowTheOffsetsFromTheInitialNotice() {
        MailboxRemediation notified = Mailboxes.notified();

        assertThat(schedule.next(notified, policy)).contains(new DueAction(Kind.REMINDER, 1, at(Duration.ofDays(3))));
        assertThat(schedule.next(Mailboxes.reminded().apply(
                new NoticeIssued(io.resetflow.avro.NoticeKind.REMINDER, 2, at(Duration.ofDays(7)), null)).after(), policy))
                .contains(new DueAction(Kind.DEADLINE, 0, at(Duration.ofDays(14))));
    }

    @Test
    void secondReminderIsDueAfterTheFirstWasIssuedEvenIfNotYetDelivered() {
        MailboxRemediation firstIssued = Mailboxes.notified().apply(
                new NoticeIssued(io.resetflow.avro.NoticeKind.REMINDER, 1, at(Duration.ofDays(3)), null)).after();

        assertThat(schedule.next(firstIssued, policy)).contains(new DueAction(Kind.REMINDER, 2, at(Duration.ofDays(7))));
    }

    @Test
    void reminderAtOrAfterTheDeadlineIsSkipped() {
        RemediationPolicy tight = new RemediationPolicy(List.of(Duration.ofDays(3)), Duration.ofDays(3).plusHours(1),
                QuietHours.TOKYO_NIGHT, 10, 1);
        MailboxRemediation issued = Mailboxes.affected().apply(new NoticeIssued(io.resetflow.avro.NoticeKind.INITIAL_NOTICE,
                0, T0, T0.plus(Duration.ofDays(2)))).after();

        assertThat(schedule.next(issued, tight)).contains(new DueAction(Kind.DEADLINE, 0, T0.plus(Duration.ofDays(2))));
    }

    @Test
    void bouncedMailboxAsksTheIspForAnotherChannelAtOnceThenKeepsItsDeadline() {
        MailboxRemediation bounced = Mailboxes.undeliverable();
        MailboxRemediation asked = bounced.apply(new RemediationEvent.OtherChannelRequested(bounced.updatedAt(),
                bounced.updatedAt().plus(Duration.ofDays(2)))).after();
        MailboxRemediation reached = asked.apply(new RemediationEvent.CommandAnswered(
                asked.command().commandId(asked.mailboxId()), io.resetflow.avro.CommandAnswerKind.DONE, null, "isp-desk",
                bounced.updatedAt().plus(Duration.ofDays(1)), null)).after();

        assertThat(schedule.next(bounced, policy)).contains(new DueAction(Kind.OTHER_CHANNEL, 0, bounced.updatedAt()));
        assertThat(schedule.next(asked, policy))
                .contains(new DueAction(Kind.COMMAND_FOLLOW_UP, 1, bounced.updatedAt().plus(Duration.ofDays(2))));
        assertThat(reached.reason()).isEqualTo(StateReason.REACHED_BY_OTHER_CHANNEL);
        assertThat(schedule.next(reached, policy)).contains(new DueAction(Kind.DEADLINE, 0, at(Duration.ofDays(14))));
    }

    @Test
    void passedDeadlineAsksForTheForceReset() {
        assertThat(schedule.next(Mailboxes.deadlinePassed(), policy)).get().extracting(DueAction::kind)
                .isEqualTo(Kind.FORCE_RESET);
    }

    @Test
    void finalNoticeFollowsTheForceResetOnce() {
        MailboxRemediation forced = Mailboxes.forceResetRequested();
        MailboxRemediation finalIssued = forced.apply(new NoticeIssued(io.resetflow.avro.NoticeKind.FINAL_NOTICE, 3,
                at(Duration.ofDays(14)), null)).after();

        assertThat(schedule.next(forced, policy)).contains(new DueAction(Kind.FINAL_NOTICE, 3, at(Duration.ofDays(14))));
        assertThat(schedule.next(finalIssued, policy))
                .contains(new DueAction(Kind.COMMAND_FOLLOW_UP, 1, at(Duration.ofDays(16))));
    }

    @Test
    void undeliverableMailboxGetsNoFinalNoticeOnlyTheCommandsFollowUp() {
        MailboxRemediation forced = Mailboxes.undeliverable()
                .apply(new RemediationEvent.DeadlineReached(at(Duration.ofDays(14)))).after()
                .apply(new RemediationEvent.ForceResetIssued(at(Duration.ofDays(14)), at(Duration.ofDays(16)))).after();

        assertThat(forced.state()).isEqualTo(RemediationState.FORCE_RESET_REQUESTED);
        assertThat(schedule.next(forced, policy))
                .contains(new DueAction(DueAction.Kind.COMMAND_FOLLOW_UP, 1, at(Duration.ofDays(16))));
    }

    @Test
    void formerAccountIsLockedAtOnceAndThenWaits() {
        assertThat(schedule.next(Mailboxes.former(), policy)).contains(new DueAction(Kind.LOCK, 0, T0));
        assertThat(schedule.next(Mailboxes.lockRequested(), policy))
                .contains(new DueAction(Kind.COMMAND_FOLLOW_UP, 1, T0.plus(Duration.ofDays(2))));
    }

    @ParameterizedTest
    @EnumSource(value = RemediationState.class, names = {"RESET_COMPLETED", "LOCKED"})
    void remediatedMailboxHasNothingDue(RemediationState state) {
        assertThat(schedule.next(Mailboxes.in(state), policy)).isEmpty();
        assertThat(schedule.next(Mailboxes.notified().apply(Mailboxes.reset(ResetActor.CUSTOMER)).after(), policy))
                .isEmpty();
    }
}
