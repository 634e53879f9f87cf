package io.resetflow.tracker.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.resetflow.avro.AccountLifecycle;
import io.resetflow.avro.CommandAnswerKind;
import io.resetflow.avro.CredentialStorage;
import io.resetflow.avro.DeliveryStatus;
import io.resetflow.avro.IspAction;
import io.resetflow.avro.NoticeKind;
import io.resetflow.avro.RecipientChannel;
import io.resetflow.avro.RemediationState;
import io.resetflow.avro.StateReason;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FactsTest {

    @Test
    void everyFactComesBackEqualIncludingNonAsciiTextAndAbsentTimes() {
        // Given one fact of each kind, with a Japanese tenant name, the largest enum ordinals and absent times (-1)
        String tenant = "ピカラ光";
        Facts.ValidRow row = new Facts.ValidRow(tenant, true);
        Facts.Accepted accepted = new Facts.Accepted(tenant, last(AccountLifecycle.values()),
                last(CredentialStorage.values()), false);
        Facts.Status status = new Facts.Status(tenant, last(RemediationState.values()), last(StateReason.values()),
                Integer.MAX_VALUE, true, false, -1, 1_764_633_600_000L);
        Facts.Request request = new Facts.Request("n-1", tenant, last(NoticeKind.values()), true);
        Facts.FinalOutcome outcome = new Facts.FinalOutcome("n-1", DeliveryStatus.BOUNCED,
                last(RecipientChannel.values()), NoticeKind.INITIAL_NOTICE, Long.MIN_VALUE);
        Facts.Command command = new Facts.Command("c-1", tenant, last(IspAction.values()), 3, 1L, -1, true);
        Facts.Answer answer = new Facts.Answer("c-1", last(CommandAnswerKind.values()));

        // When each is encoded and decoded, then it is the same fact
        assertThat(Facts.ValidRow.decode(row.encode())).isEqualTo(row);
        assertThat(Facts.Accepted.decode(accepted.encode())).isEqualTo(accepted);
        assertThat(Facts.Status.decode(status.encode())).isEqualTo(status);
        assertThat(Facts.Request.decode(request.encode())).isEqualTo(request);
        assertThat(Facts.FinalOutcome.decode(outcome.encode())).isEqualTo(outcome);
        assertThat(Facts.Command.decode(command.encode())).isEqualTo(command);
        assertThat(Facts.Answer.decode(answer.encode())).isEqualTo(answer);
    }

    @Test
    void oneMailboxsFactsSortTogetherAndOnlyRepeatableFactsGetKeysOfTheirOwn() {
        // Given facts of mailbox "m1" and of "m10", whose id "m1" is a prefix of
        byte[] status = FactKeys.latest("m1", FactKind.STATUS, "nifty");
        byte[] newerStatus = FactKeys.latest("m1", FactKind.STATUS, "nifty");
        byte[] firstOutcome = FactKeys.each("m1", FactKind.FINAL_OUTCOME, "n-1", 7);
        byte[] secondOutcome = FactKeys.each("m1", FactKind.FINAL_OUTCOME, "n-1", 8);
        byte[] other = FactKeys.each("m10", FactKind.ACCEPTED, null, 1);

        // Then versions of a status share a key, two outcomes do not, and m1's facts sort before m10's
        assertThat(newerStatus).isEqualTo(status);
        assertThat(firstOutcome).isNotEqualTo(secondOutcome);
        assertThat(Arrays.compareUnsigned(status, other)).isNegative();
        assertThat(Arrays.compareUnsigned(secondOutcome, other)).isNegative();
        assertThat(FactKeys.mailboxEnd(firstOutcome)).isEqualTo(2);
        assertThat(FactKeys.kindOf(firstOutcome, 2)).isEqualTo(FactKind.FINAL_OUTCOME);
        assertThat(FactKeys.mailboxEnd(FactKeys.latest("m\u0000x", FactKind.STATUS, "t"))).isEqualTo(3);
    }

    private static <T> T last(T[] values) {
        return values[values.length - 1];
    }
}
