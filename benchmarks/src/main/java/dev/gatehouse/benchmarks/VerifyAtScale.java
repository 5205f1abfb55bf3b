package dev.gatehouse.benchmarks;

import dev.gatehouse.core.internal.TokenHasher;
import dev.gatehouse.ports.in.Verifier;
import dev.gatehouse.ports.model.IssuedCredential;
import dev.gatehouse.ports.model.VerifyResult;
import java.util.List;

/**
 * Verification latency at two table sizes, every lookup missing the cache so that the token-hash index does the work.
 * Both tables are loaded in one process and measured in {@link AlternatingBlocks}, so that whatever else the machine
 * does meanwhile falls on both sizes alike. Budget: p99 with the most credentials at most 1.2x p99 with the
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
     * @param blocks the rounds of blocks in which the four measurements alternate
     */
    record Settings(int fewest, int most, AlternatingBlocks.Settings blocks) {

        /** A thousand against a million credentials, in the default blocks. */
        static Settings defaults() {
            return new Settings(1_000, 1_000_000, AlternatingBlocks.Settings.defaults());
        }

        Settings {
            if (fewest < 1 || most <= fewest) {
                throw new IllegalArgumentException("need 1 <= fewest < most, not " + fewest + " and " + most);
            }
        }

        /** The same blocks with other table sizes. */
        Settings sized(int fewer, int more) {
            return new Settings(fewer, more, blocks);
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
        Budgets.print(Budgets.scale(result));
    }

    /** Loads both tables of {@code store}, then times verify and select at each size in alternating blocks. */
    static Result measure(String store, Settings settings) {
        try (Table fewest = Table.load(store, settings.fewest()); Table most = Table.load(store, settings.most())) {
            List<LatencySamples.Summary> summaries = AlternatingBlocks.measure(
                    List.of(fewest::verifyNext, most::verifyNext, fewest::selectNext, most::selectNext),
                    settings.blocks());
            return new Result(store, settings.fewest(), settings.most(), summaries.get(0), summaries.get(1),
                    summaries.get(2), summaries.get(3));
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
        private final Sink sink = new Sink();
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
                database.closeAfter(installation);
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
            selectByHash.run(hashes[next()], sink);
        }

        private int next() {
            int current = position;
            position = current + 1 < tokens.length ? current + 1 : 0;
            return current;
        }

        @Override
        public void close() {
            database.closeAfter(installation);
        }
    }
}
