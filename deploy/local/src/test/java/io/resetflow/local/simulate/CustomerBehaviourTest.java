package io.resetflow.local.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.resetflow.avro.NoticeKind;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CustomerBehaviourTest {

    private final CustomerBehaviour behaviour = CustomerBehaviour.typical(7);

    @Test
    void eachCustomerReactsToAtMostOneKindOfMail() {
        assertThat(IntStream.range(0, 10_000).mapToObj(i -> "mbx-" + i))
                .allSatisfy(id -> assertThat(Arrays.stream(NoticeKind.values())
                        .filter(kind -> behaviour.resetDelay(id, kind).isPresent()).count()).isLessThanOrEqualTo(1));
    }

    @Test
    void sharesFollowTheConfiguredProportions() {
        int n = 20_000;
        long afterNotice = IntStream.range(0, n)
                .filter(i -> behaviour.resetDelay("mbx-" + i, NoticeKind.INITIAL_NOTICE).isPresent()).count();
        long never = IntStream.range(0, n).filter(i -> Arrays.stream(NoticeKind.values())
                .noneMatch(kind -> behaviour.resetDelay("mbx-" + i, kind).isPresent())).count();

        assertThat(afterNotice / (double) n).isCloseTo(0.45, within(0.02));
        assertThat(never / (double) n).isCloseTo(0.25, within(0.02));
    }

    @Test
    void sameMailboxAndSeedAlwaysBehaveTheSame() {
        CustomerBehaviour again = CustomerBehaviour.typical(7);

        assertThat(IntStream.range(0, 1000).mapToObj(i -> "mbx-" + i))
                .allSatisfy(id -> assertThat(again.resetDelay(id, NoticeKind.INITIAL_NOTICE))
                        .isEqualTo(behaviour.resetDelay(id, NoticeKind.INITIAL_NOTICE)));
    }

    @Test
    void resetsComeBetweenHalfAnHourAndAFewDaysAfterTheMail() {
        assertThat(IntStream.range(0, 5000).mapToObj(i -> behaviour.resetDelay("mbx-" + i, NoticeKind.INITIAL_NOTICE))
                .flatMap(java.util.Optional::stream))
                .allSatisfy(delay -> assertThat(delay).isBetween(Duration.ofMinutes(30), Duration.ofDays(3).plusMinutes(30)));
    }
}
