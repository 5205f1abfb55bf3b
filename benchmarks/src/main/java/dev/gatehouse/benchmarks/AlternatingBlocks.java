package dev.gatehouse.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Times several calls in one process, each over and over for a block of fixed length, one block of each per round and
 * in reverse order every other round, so that whatever else the machine does meanwhile falls on every call alike;
 * every latency of the recorded rounds is kept. Not thread-safe.
 */
final class AlternatingBlocks {

    private AlternatingBlocks() {
    }

    /**
     * How long to measure.
     *
     * @param warmupRounds rounds run first and not recorded
     * @param rounds recorded rounds
     * @param block how long each call runs in each round
     */
    record Settings(int warmupRounds, int rounds, Duration block) {

        /** 3 rounds of warm-up, then 8 recorded rounds of 1-second blocks. */
        static Settings defaults() {
            return new Settings(3, 8, Duration.ofSeconds(1));
        }

        Settings {
            if (warmupRounds < 0 || rounds < 1 || block.isNegative() || block.isZero()) {
                throw new IllegalArgumentException("need some rounds of blocks that last");
            }
        }
    }

    /** The latencies of each of {@code calls}, in their order, after running them as {@code settings} say. */
    static List<LatencySamples.Summary> measure(List<Runnable> calls, Settings settings) {
        List<Measurement> measurements = calls.stream().map(Measurement::new).toList();
        List<Measurement> reversed = new ArrayList<>(measurements);
        Collections.reverse(reversed);
        for (int round = 0; round < settings.warmupRounds() + settings.rounds(); round++) {
            boolean recorded = round >= settings.warmupRounds();
            for (Measurement measurement : round % 2 == 0 ? measurements : reversed) {
                measurement.runFor(settings.block(), recorded);
            }
        }
        return measurements.stream().map(measurement -> measurement.samples.summary()).toList();
    }

    /** One call timed over and over, its latencies recorded only in recorded blocks. */
    private static final class Measurement {

        private final Runnable call;
        private final LatencySamples samples = new LatencySamples();

        Measurement(Runnable call) {
            this.call = call;
        }

        void runFor(Duration block, boolean recorded) {
            long end = System.nanoTime() + block.toNanos();
            long now = System.nanoTime();
            while (now < end) {
                long start = now;
                call.run();
                now = System.nanoTime();
                if (recorded) {
                    samples.add(now - start);
                }
            }
        }
    }
}
