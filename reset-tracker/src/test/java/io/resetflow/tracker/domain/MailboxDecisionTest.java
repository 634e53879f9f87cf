package io.resetflow.tracker.domain;

import static io.resetflow.tracker.domain.Mailboxes.T0;
import static io.resetflow.tracker.domain.Mailboxes.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.resetflow.avro.IspAction;
import io.resetflow.avro.NoticeKind;
import io.resetflow.avro.RemediationState;
import io.resetflow.avro.ResetActor;
import io.resetflow.core.tenant.RemediationPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The tracker's whole decision for a mailbox, without a driver: input, now, policy and day's sends in. */
class MailboxDecisionTest {

    private static final RemediationPolicy POLICY = RemediationPolicy.DEFAULT;
    private static final SendRules.DailySends ROOM = new SendRules.DailySends(0, 1_000);
    private final MailboxDecision decision = new MailboxDecision(new RemediationSchedule(InitialNoticePlan.immediate()));

    @Test
    void aNewMailboxIsNotifiedAtOnceWithItsDeadline() {
        MailboxDecision.Outcome outcome = decision.decide(Mailboxes.affected(), Optional.empty(), T0, POLICY, ROOM);

        assertThat(outcome.effects()).containsExactly(new MailboxDecision.Notice(NoticeKind.INITIAL_NOTICE, 0,
                "mbx-1.initial-notice.0", T0.plus(Duration.ofDays(14))));
        assertThat(outcome.after().noticesIssued()).isEqualTo(1);
        assertThat(outcome.nextTimer()).isEqualTo(T0.plus(Duration.ofDays(3)));
    }

    @Test
    void aDueNoticeInQuietHoursWaitsForTheirEndAndSaysWhy() {
        Instant elevenPmTokyo = T0.plus(Duration.ofHours(13)); // T0 is 10:00 in Tokyo

        MailboxDecision.Outcome outcome = decision.decide(Mailboxes.affected(), Optional.empty(), elevenPmTokyo, POLICY,
                ROOM);

        assertThat(outcome.effects()).containsExactly(new MailboxDecision.Deferred(SendRules.Cause.QUIET_HOURS));
        assertThat(outcome.after()).isEqualTo(Mailboxes.affected());
        assertThat(outcome.nextTimer()).isEqualTo(T0.plus(Duration.ofHours(22))); // 08:00
    }

    @Test
    void theDailyCapHoldsTheNoticeUntilTheNextLocalDay() {
        MailboxDecision.Outcome outcome = decision.decide(Mailboxes.affected(), Optional.empty(), T0, POLICY,
                new SendRules.DailySends(5, 5));

        assertThat(outcome.effects()).containsExactly(new MailboxDecision.Deferred(SendRules.Cause.DAILY_CAP));
        assertThat(outcome.nextTimer()).isEqualTo(T0.plus(Duration.ofHours(22)));
    }

    @Test
    void theDeadlineIsAStateOfItsOwnAndTheForceResetTheNextTimersCommand() {
        MailboxRemediation reminded = Mailboxes.reminded();
        Instant deadline = at(Duration.ofDays(14));

        MailboxDecision.Outcome passed = decision.decide(reminded, Optional.empty(), deadline, POLICY, ROOM);
        MailboxDecision.Outcome forced = decision.decide(passed.after(), Optional.empty(), deadline, POLICY, ROOM);

        assertThat(passed.after().state()).isEqualTo(RemediationState.DEADLINE_PASSED);
        assertThat(passed.effects()).isEmpty();
        assertThat(passed.nextTimer()).isEqualTo(deadline);
        assertThat(forced.after().state()).isEqualTo(RemediationState.FORCE_RESET_REQUESTED);
        assertThat(forced.effects()).first().isEqualTo(new MailboxDecision.Command(OpenCommand.first(
                IspAction.FORCE_PASSWORD_RESET, deadline, deadline.plus(POLICY.commandAnswerTimeout()))));
        assertThat(forced.effects()).last().isInstanceOf(MailboxDecision.Notice.class);
    }

    @Test
    void aCustomerResetWithdrawsTheOpenCommandButTheIspsForcedResetCompletesIt() {
        MailboxRemediation forced = Mailboxes.forceResetRequested();
        Instant later = at(Duration.ofDays(15));

        MailboxDecision.Outcome byCustomer = decision.decide(forced,
                Optional.of(new RemediationEvent.PasswordChanged(ResetActor.CUSTOMER, later)), later, POLICY, ROOM);
        MailboxDecision.Outcome byIsp = decision.decide(forced,
                Optional.of(new RemediationEvent.PasswordChanged(ResetActor.FORCED, later)), later, POLICY, ROOM);

        assertThat(byCustomer.effects()).containsExactly(new MailboxDecision.Cancel(forced.command()));
        assertThat(byCustomer.nextTimer()).isNull();
        assertThat(byIsp.effects()).isEmpty();
        assertThat(byIsp.after().state()).isEqualTo(RemediationState.RESET_COMPLETED);
    }

    @Test
    void anUnansweredCommandIsIssuedAgainThenExhausted() {
        MailboxRemediation forced = Mailboxes.forceResetRequested()
                .apply(new RemediationEvent.NoticeIssued(NoticeKind.FINAL_NOTICE, 3, at(Duration.ofDays(14)), null))
                .after();
        Instant respondBy = forced.command().respondBy();

        MailboxDecision.Outcome second = decision.decide(forced, Optional.empty(), respondBy, POLICY, ROOM);
        MailboxDecision.Outcome third = decision.decide(second.after(), Optional.empty(),
                second.after().command().respondBy(), POLICY, ROOM);
        MailboxDecision.Outcome exhausted = decision.decide(third.after(), Optional.empty(),
                third.after().command().respondBy(), POLICY, ROOM);

        assertThat(second.effects()).singleElement().isInstanceOfSatisfying(MailboxDecision.Command.class,
                c -> assertThat(c.command().attempt()).isEqualTo(2));
        assertThat(third.effects()).singleElement().isInstanceOfSatisfying(MailboxDecision.Command.class,
                c -> assertThat(c.command().attempt()).isEqualTo(3));
        assertThat(exhausted.effects()).containsExactly(new MailboxDecision.Exhausted(IspAction.FORCE_PASSWORD_RESET));
        assertThat(exhausted.after().state()).isEqualTo(RemediationState.ESCALATED);
        assertThat(exhausted.nextTimer()).isNull();
    }
}
