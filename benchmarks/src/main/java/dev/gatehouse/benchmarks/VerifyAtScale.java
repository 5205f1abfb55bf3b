package dev.gatehouse.benchmarks;

import dev.gatehouse.core.internal.TokenHasher;
import dev.gatehouse.ports.in.Verifier;
import dev.gatehouse.ports.model.IssuedCredential;
import dev.gatehouse.ports.model.VerifyResult;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Verification latency at two table sizes, every lookup missing the cache so that the token-hash index does the work.
 * Both tables are loaded in one process and measured in alternating one-second blocks, so that whatever else the
 * machine does meanwhile falls on both sizes alike. Budget: p99 with the most credentials at most 1.2x p99 with the
 * fewest. For context, the same rows are also selected by token hash with plain JDBC, in blocks of their own.
 */
final class VerifyAtScale {

    /** The most tokens kept for verifying: enough to spread reads over a million rows, few enough to hold in memory. */
    static final int SAMPLE_SIZE = 65_536;

    private VerifyAtScale() {
    }

    /**
     * How to measure.
     *
     * @param fewest credentials in the smaller table, the one created through the API included
     * @param most credentials in the larger table
     * @param warmupRounds rounds run first and not recorded
     * @param rounds recorded rounds; each runs one block of each of the four measurements, in reverse order every
     *     other round
     * @param block how long each block lasts
     */
    record Settings(int fewest, int most, int warmupRounds, int rounds, Duration block) {

        /** A thousand against a million credentials, 3 rounds of warm-up, 8 recorded rounds of 1-second blocks. */
        static Settings defaults() {
            return new Settings(1_000, 1_000_000, 3, 8, Duration.ofSeconds(1));
        }

        Settings {
            if (fewest < 1 || most <= fewest) {
                throw new IllegalArgumentException("need 1 <= fewest < most, not " + fewest + " and " + most);
            }
            if (warmupRounds < 0 || rounds < 1 || block.isNegative() || block.isZero()) {
                throw new IllegalArgumentException("need some rounds of blocks that last");
            }
        }

        /** The same rounds with other table sizes. */
        Settings sized(int fewer, int more) {
            return new Settings(fewer, more, warmupRounds, rounds, block);
        }
    }

    /** Latencies of the four measurements on one store. */
    record Result(String store, int fewest, int most, LatencySamples.Summary verifyFewest,
            LatencySamples.Summary verifyMost, LatencySamples.Summary selectFewest, LatencySamples.Summary selectMost) {
    }

    /** Measures {@code store} ({@code h2} or {@code postgres}) with the given sizes, defaults otherwise, and prints. */
    public static void main(String[] args) {
        Settings settings = Settings.defaults();
        if (args.length == 3) {
            settings = settings.sized(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        } else if (args.length != 1) {
            System.err.println("usage: VerifyAtScale h2|postgres [FEWEST MOST]");
            System.exit(2);
        }
        Result result = measure(args[0], settings);
        for (Budgets.Check check : Budgets.scale(result)) {
            System.out.println(check.line());
        }
    }

    /** Loads both tables of {@code store}, warms up, then records alternating blocks as {@code settings} say. */
    static Result measure(String store, Settings settings) {
        try (Table fewest = Table.load(store, settings.fewest()); Table most = Table.load(store, settings.most())) {
            List<Measurement> measurements = List.of(
                    new Measurement(fewest::verifyNext), new Measurement(most::verifyNext),
                    new Measurement(fewest::selectNext), new Measurement(most::selectNext));
            for (int round = 0; round < settings.warmupRounds() + settings.rounds(); round++) {
                boolean recorded = round >= settings.warmupRounds();
                List<Measurement> order = round % 2 == 0 ? measurements : reversed(measurements);
                for (Measurement measurement : order) {
                    measurement.runFor(settings.block(), recorded);
                }
            }
            return new Result(store, settings.fewest(), settings.most(), measurements.get(0).summary(),
                    measurements.get(1).summary(), measurements.get(2).summary(), measurements.get(3).summary());
        }
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
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

        LatencySamples.Summary summary() {
            return samples.summary();
        }
    }

    /**
     * A database loaded with {@code stored} credentials, an uncached Gatehouse over it, and a uniform sample of its
     * tokens, walked round in turn; not thread-safe.
     */
    private static final class Table implements AutoCloseable {

        private final BenchDatabase database;
        private final BenchInstallation installation;
        private final Verifier verifier;
        private final String[] tokens;
        private final String[] hashes;
        private final RawSelect selectByHash;
        private final Consumer<Object> sink = new Sink();
        private int position;

        private Table(BenchDatabase database, BenchInstallation installation, List<String> sample) {
            this.database = database;
            this.installation = installation;
            this.verifier = installation.gatehouse().verifier();
            this.tokens = sample.toArray(String[]::new);
            TokenHasher hasher = TokenHasher.sha256();
            this.hashes = sample.stream().map(hasher::hex).toArray(String[]::new);
            this.selectByHash = RawSelect.byColumn(database.pool(), "token_hash", hashes[0]);
        }

        /** Creates one credential through the API and bulk-loads the rest like it. */
        static Table load(String store, int stored) {
            BenchDatabase database = BenchDatabase.open(store);
            BenchInstallation installation = null;
            try {
                installation = BenchInstallation.create(database.storage(), BenchInstallation::uncached);
                IssuedCredential template = installation.newWriteToken();
                List<String> sample = CredentialRows.insertLike(database, template.credential(), stored - 1,
                        SAMPLE_SIZE);
                return new Table(database, installation, sample.isEmpty() ? List.of(template.token()) : sample);
            } catch (RuntimeException failure) {
                if (installation != null) {
                    installation.close();
                }
                database.close();
                throw failure;
            }
        }

        /** Verifies the next sampled token, which must verify: a refusal would time something else. */
        void verifyNext() {
            VerifyResult result = verifier.verify(tokens[next()]);
            if (!(result instanceof VerifyResult.Verified)) {
                throw new IllegalStateException("a sampled token did not verify: " + result);
            }
        }

        /** Selects the next sampled row by its token hash with plain JDBC, every column read. */
        void selectNext() {
            try {
                selectByHash.run(hashes[next()], sink);
            } catch (SQLException failure) {
                throw new IllegalStateException("the plain select failed: " + failure.getMessage(), failure);
            }
        }

        private int next() {
            int current = position;
            position = current + 1 < tokens.length ? current + 1 : 0;
            return current;
        }

        @Override
        public void close() {
            try {
                installation.close();
            } finally {
                database.close();
            }
        }
    }

    /** Keeps the last value it was given, so that reading a column cannot be optimised away. */
    private static final class Sink implements Consumer<Object> {

        private Object last;

        @Override
        public void accept(Object value) {
            last = value;
        }
    }
}
