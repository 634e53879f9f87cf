package io.resetflow.notifier.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A held relay: back-off on the wall clock, one probe at a time, only an accepted mail ends it. */
class RelayHoldsTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-06-17T01:00:00Z"));
    private final RelayHolds holds = new RelayHolds(Duration.ofSeconds(30), Duration.ofMinutes(2), now::get);
    private final List<String> began = new ArrayList<>();

    RelayHoldsTest() {
        holds.onHold((tenant, reason) -> began.add(tenant + ":" + reason));
    }

    @Test
    void admitsEveryMailOfATenantThatIsNotHeld() {
        assertThat(holds.admit("nifty")).isEmpty();
        assertThat(holds.admit("nifty")).isEmpty();
        assertThat(holds.isHeld("nifty")).isFalse();
    }

    @Test
    void holdsForTheBackOffThenAdmitsOneProbeAndEndsWhenItIsAccepted() {
        // Given nifty's relay refused a mail at t=0
        holds.failed("nifty", RelayHolds.Reason.UNREACHABLE);

        // Then for 30 s nothing goes, and jcom is not concerned
        now.set(now.get().plusSeconds(10));
        assertThat(holds.admit("nifty")).contains(Duration.ofSeconds(20));
        assertThat(holds.admit("jcom")).isEmpty();

        // When the back-off is over, exactly one mail probes
        now.set(now.get().plusSeconds(20));
        assertThat(holds.admit("nifty")).isEmpty();
        assertThat(holds.admit("nifty")).contains(Duration.ofSeconds(30));
        assertThat(holds.isHeld("nifty")).isTrue();

        // and once the relay accepts it, the hold ends
        holds.accepted("nifty");
        assertThat(holds.isHeld("nifty")).isFalse();
        assertThat(holds.admit("nifty")).isEmpty();
        assertThat(began).containsExactly("nifty:UNREACHABLE");
    }

    @Test
    void doublesTheBackOffOnEachFailedProbeUpToTheMaximum() {
        holds.failed("nifty", RelayHolds.Reason.REJECTING);
        List<Duration> waits = new ArrayList<>();
        for (int probe = 0; probe < 4; probe++) {
            Duration wait = holds.admit("nifty").orElseThrow();
            waits.add(wait);
            now.set(now.get().plus(wait));
            assertThat(holds.admit("nifty")).isEmpty();
            holds.failed("nifty", RelayHolds.Reason.REJECTING);
        }
        assertThat(waits).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120),
                Duration.ofSeconds(120));
        assertThat(began).containsExactly("nifty:REJECTING");
    }

    @Test
    void aFailureOfAMailAlreadyOnTheWireDoesNotExtendTheHold() {
        holds.failed("nifty", RelayHolds.Reason.UNREACHABLE);
        now.set(now.get().plusSeconds(5));
        holds.failed("nifty", RelayHolds.Reason.UNREACHABLE);
        assertThat(holds.admit("nifty")).contains(Duration.ofSeconds(25));
    }

    @Test
    void anAcceptedMailThatWasNotTheProbeDoesNotEndTheHold() {
        holds.failed("nifty", RelayHolds.Reason.REJECTING);
        holds.accepted("nifty");
        assertThat(holds.isHeld("nifty")).isTrue();
    }

    @Test
    void aProbeThatDidNotGoIsGivenBackAndOneThatNeverReportedIsReplacedAfterABackOff() {
        holds.failed("nifty", RelayHolds.Reason.UNREACHABLE);
        now.set(now.get().plusSeconds(30));
        assertThat(holds.admit("nifty")).isEmpty();
        holds.probeNotSent("nifty");
        assertThat(holds.admit("nifty")).isEmpty();

        now.set(now.get().plusSeconds(30));
        assertThat(holds.admit("nifty")).isEmpty();
    }
}
