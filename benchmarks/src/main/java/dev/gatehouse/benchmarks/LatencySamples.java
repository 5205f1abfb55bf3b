package dev.gatehouse.benchmarks;

import java.util.Arrays;

/** Every latency of one measurement, in nanoseconds, kept whole so that percentiles are exact; not thread-safe. */
final class LatencySamples {

    private long[] nanos = new long[1 << 16];
    private int count;
    private long totalNanos;

    /** Records one latency. */
    void add(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
        totalNanos += latencyNanos;
    }

    /**
     * The mean, the median and the 99th percentile so far, each percentile the smallest recorded latency that at
     * least that share of the samples does not exceed.
     *
     * @throws IllegalStateException if nothing was recorded
     */
    Summary summary() {
        if (count == 0) {
            throw new IllegalStateException("no latency was recorded");
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        return new Summary(count, (double) totalNanos / count, percentile(sorted, 50), percentile(sorted, 99));
    }

    private static long percentile(long[] sorted, int percent) {
        int rank = (int) (((long) sorted.length * percent + 99) / 100);
        return sorted[Math.max(rank, 1) - 1];
    }

    /** How many latencies were recorded, their mean and two of their percentiles, in nanoseconds. */
    record Summary(int count, double meanNanos, long p50Nanos, long p99Nanos) {
    }
}
