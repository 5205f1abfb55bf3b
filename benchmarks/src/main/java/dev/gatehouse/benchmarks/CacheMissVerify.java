package dev.gatehouse.benchmarks;

import dev.gatehouse.ports.model.VerifyResult;
import java.util.List;

/**
 * A verification that misses the cache against a raw JDBC select of the same row by primary key, both on one
 * {@link CacheMissFixture} and timed in {@link AlternatingBlocks}, so that whatever else the machine does meanwhile
 * falls on both alike. Budget: the mean verify at most 1.3x the mean select. For context, the same rows are also
 * selected by token hash, as verification must find them.
 */
final class CacheMissVerify {

    private CacheMissVerify() {
    }

    /** Latencies of the three calls on one store. */
    record Result(String store, LatencySamples.Summary verify, LatencySamples.Summary selectById,
            LatencySamples.Summary selectByHash) {
    }

    /** Measures {@code store} ({@code h2} or {@code postgres}) in the default blocks and prints the checks. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: CacheMissVerify h2|postgres");
            System.exit(2);
        }
        Budgets.print(Budgets.cacheMiss(measure(args[0], AlternatingBlocks.Settings.defaults())));
    }

    /** Opens a fixture of {@code store}, then times verify and both selects in alternating blocks. */
    static Result measure(String store, AlternatingBlocks.Settings settings) {
        try (CacheMissFixture fixture = CacheMissFixture.open(store)) {
            Calls calls = new Calls(fixture);
            List<LatencySamples.Summary> summaries = AlternatingBlocks.measure(
                    List.of(calls::verify, calls::selectById, calls::selectByHash), settings);
            return new Result(store, summaries.get(0), summaries.get(1), summaries.get(2));
        }
    }

    /** The three calls, each walking round the fixture's tokens on its own; not thread-safe. */
    private static final class Calls {

        private final CacheMissFixture fixture;
        private final Sink sink = new Sink();
        private int verified;
        private int selectedById;
        private int selectedByHash;

        Calls(CacheMissFixture fixture) {
            this.fixture = fixture;
        }

        /** Verifies the next token, which must verify: a refusal would time something else. */
        void verify() {
            VerifyResult result = fixture.verify(verified);
            verified = next(verified);
            if (!(result instanceof VerifyResult.Verified)) {
                throw new IllegalStateException("a benchmark token did not verify: " + result);
            }
        }

        void selectById() {
            fixture.selectById(selectedById, sink);
            selectedById = next(selectedById);
        }

        void selectByHash() {
            fixture.selectByHash(selectedByHash, sink);
            selectedByHash = next(selectedByHash);
        }

        private static int next(int position) {
            return position + 1 < CacheMissFixture.TOKENS ? position + 1 : 0;
        }
    }
}
