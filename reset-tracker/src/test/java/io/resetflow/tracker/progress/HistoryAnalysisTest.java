package io.resetflow.tracker.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.resetflow.avro.TenantProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryAnalysisTest {

    private static final Instant T0 = Instant.parse("2025-06-02T00:00:00Z");

    private static TenantProgress at(Duration since, long remediated) {
        return ProgressMath.progress("nifty", Map.of("RESET_COMPLETED", remediated, "NOTIFIED", 100 - remediated),
                T0.plus(since));
    }

    @Test
    void estimatesCompletionFromTheRateInTheWindow() {
        List<TenantProgress> history = List.of(at(Duration.ZERO, 0), at(Duration.ofHours(10), 10),
                at(Duration.ofHours(20), 40));

        // 30 gained in the last 10 hours: the remaining 60 take 20 hours more.
        assertThat(HistoryAnalysis.estimatedCompletion(history, Duration.ofHours(10)))
                .contains(T0.plus(Duration.ofHours(40)));
    }

    @Test
    void noEstimateWithoutProgressAndTheLastSnapshotWhenComplete() {
        assertThat(HistoryAnalysis.estimatedCompletion(List.of(at(Duration.ZERO, 5), at(Duration.ofHours(1), 5)),
                Duration.ofHours(6))).isEmpty();
        assertThat(HistoryAnalysis.estimatedCompletion(List.of(at(Duration.ofHours(3), 100)), Duration.ofHours(6)))
                .contains(T0.plus(Duration.ofHours(3)));
    }

    @Test
    void milestonesNameTheFirstSnapshotReachingEachShare() {
        Map<String, String> milestones = HistoryAnalysis.milestones(List.of(at(Duration.ZERO, 0),
                at(Duration.ofHours(1), 30), at(Duration.ofHours(2), 60), at(Duration.ofHours(3), 100)));

        assertThat(milestones).containsEntry("firstRemediation", T0.plus(Duration.ofHours(1)).toString())
                .containsEntry("remediated25pct", T0.plus(Duration.ofHours(1)).toString())
                .containsEntry("remediated50pct", T0.plus(Duration.ofHours(2)).toString())
                .containsEntry("remediated100pct", T0.plus(Duration.ofHours(3)).toString());
    }

    @Test
    void progressTotalIsTheSumOverStatesAndPartialsAddUp() {
        TenantProgress sum = ProgressMath.sum("nifty", List.of(at(Duration.ZERO, 10), at(Duration.ZERO, 30)), T0);

        assertThat(sum.getTotal()).isEqualTo(200);
        assertThat(sum.getRemediated()).isEqualTo(40);
        assertThat(sum.getRemediatedRatio()).isEqualTo(0.2);
        assertThat(sum.getCountsByState().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(200);
    }
}
