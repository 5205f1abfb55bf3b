package dev.gatehouse.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.openjdk.jmh.results.RunResult;

/**
 * A JMH benchmark's score in each of its forks, judged by their median so that one fork that ran unusually slow or
 * fast cannot decide a budget.
 *
 * @param scores one score per fork, in the order JMH ran them
 */
record ForkScores(List<Double> scores, String unit) {

    ForkScores {
        scores = List.copyOf(scores);
        Objects.requireNonNull(unit, "unit");
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("a benchmark without a fork has no score");
        }
    }

    /** The scores of every fork of {@code run}, one per fork; a run in the calling JVM counts as one fork. */
    static ForkScores of(RunResult run) {
        List<Double> scores = run.getBenchmarkResults().stream()
                .map(fork -> fork.getPrimaryResult().getScore())
                .toList();
        return new ForkScores(scores, run.getPrimaryResult().getScoreUnit());
    }

    /** The middle score, or the mean of the two middle ones for an even number of forks. */
    double median() {
        double[] sorted = scores.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The median with its unit, followed by the range of the forks where there are several. */
    String text() {
        String median = String.format(Locale.ROOT, "%.3g %s", median(), unit);
        if (scores.size() == 1) {
            return median;
        }
        double lowest = scores.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double highest = scores.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return String.format(Locale.ROOT, "%s (%d forks %.3g-%.3g)", median, scores.size(), lowest, highest);
    }
}
