package dev.gatehouse.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

class LatencySamplesTest {

    @Test
    void percentilesAreTheSmallestLatenciesThatCoverTheirShare() {
        LatencySamples samples = new LatencySamples();
        for (long latency = 100; latency >= 1; latency--) {
            samples.add(latency);
        }

        LatencySamples.Summary summary = samples.summary();

        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.meanNanos()).isEqualTo(50.5);
        assertThat(summary.p50Nanos()).isEqualTo(50);
        assertThat(summary.p99Nanos()).isEqualTo(99);
    }

    @Test
    void theSlowestOfFewerThanAHundredSamplesIsTheirP99() {
        LatencySamples samples = new LatencySamples();
        samples.add(7);
        samples.add(3);
        samples.add(1_000);

        assertThat(samples.summary().p99Nanos()).isEqualTo(1_000);
        assertThat(samples.summary().p50Nanos()).isEqualTo(7);
        assertThat(samples.summary().meanNanos()).isEqualTo(1_010 / 3.0);
    }

    @Test
    void keepsEverySampleBeyondItsFirstCapacity() {
        LatencySamples samples = new LatencySamples();
        for (int i = 0; i < 200_000; i++) {
            samples.add(i < 198_000 ? 1 : 5);
        }

        assertThat(samples.summary().count()).isEqualTo(200_000);
        assertThat(samples.summary().p99Nanos()).isEqualTo(1);
        samples.add(5);
        samples.add(5);
        assertThat(samples.summary().p99Nanos()).isEqualTo(5);
    }

    @Test
    void refusesASummaryOfNothing() {
        assertThatIllegalStateException().isThrownBy(() -> new LatencySamples().summary());
    }
}
