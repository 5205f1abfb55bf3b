package dev.gatehouse.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForkScoresTest {

    @Test
    void oneSlowForkDoesNotMoveTheMedianOfThree() {
        ForkScores baseline = new ForkScores(List.of(151.0, 112.0, 116.0), "ns/op");

        assertThat(baseline.median()).isEqualTo(116.0);
        assertThat(baseline.text()).isEqualTo("116 ns/op (3 forks 112-151)");
    }

    @Test
    void anEvenNumberOfForksIsJudgedByTheMeanOfTheMiddleTwo() {
        assertThat(new ForkScores(List.of(300.0, 100.0, 200.0, 1_000.0), "ns/op").median()).isEqualTo(250.0);
    }

    @Test
    void aSingleForkIsItsOwnMedianAndShowsNoRange() {
        ForkScores single = new ForkScores(List.of(673.4), "ops/s");

        assertThat(single.median()).isEqualTo(673.4);
        assertThat(single.text()).isEqualTo("673 ops/s");
    }

    @Test
    void refusesABenchmarkWithoutAScore() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ForkScores(List.of(), "ns/op"));
    }
}
