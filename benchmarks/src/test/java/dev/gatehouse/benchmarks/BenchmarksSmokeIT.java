package dev.gatehouse.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.testkit.postgres.PostgresServer;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark once, briefly and in this JVM, with tiny parameters, so that the benchmarks keep working as
 * the code under them changes; the figures mean nothing here, only that each benchmark produced one and that the
 * budgets can be judged from them.
 */
class BenchmarksSmokeIT {

    /** Per store: the cache miss and its two selects, issuance. */
    private static final int DATABASE_RUNS = 4;
    /** No warm-up, two rounds of short blocks: enough to record every measurement. */
    private static final AlternatingBlocks.Settings BRIEF_BLOCKS = new AlternatingBlocks.Settings(0, 2,
            Duration.ofMillis(50));
    /** Two tiny tables in brief blocks. */
    private static final VerifyAtScale.Settings TINY_SCALE = new VerifyAtScale.Settings(20, 40, BRIEF_BLOCKS);

    @Test
    void cachedVerificationAndItsBaselineRunWithAndWithoutPepper() throws RunnerException {
        Collection<RunResult> results = run(brief().include(CachedVerifyBenchmark.class.getName()));

        assertProduced(results, 4);
        assertThat(Budgets.evaluate(results)).extracting(Budgets.Check::budget).containsExactly(
                "cached verify / SHA-256 of the token", "cached verify / HMAC-SHA256 of the token");
    }

    @Test
    void theCachedVerifyBudgetComparesMediansOverForksOfTheirOwn() throws RunnerException {
        Collection<RunResult> results = run(brief()
                .forks(2)
                .include(CachedVerifyBenchmark.class.getName())
                .param("pepper", "none"));

        assertProduced(results, 2);
        assertThat(results).allSatisfy(run -> assertThat(ForkScores.of(run).scores()).hasSize(2));
        List<Budgets.Check> checks = Budgets.evaluate(results);
        assertThat(checks).singleElement().satisfies(check -> {
            assertThat(check.measured()).contains("(2 forks ");
            assertThat(check.baseline()).contains("(2 forks ");
            assertThat(check.ratio()).isEqualTo(median(results, "verify") / median(results, "hashAlone"));
        });
    }

    @Test
    void tokenCheckAndChecksumsAreReportedAgainstTheHash() throws RunnerException {
        Collection<RunResult> results = run(brief()
                .include(TokenCheckBenchmark.class.getName())
                .include(CachedVerifyBenchmark.class.getName() + ".hashAlone")
                .param("pepper", "none"));

        assertProduced(results, 4);
        assertThat(Budgets.evaluate(results)).extracting(Budgets.Check::budget).containsExactly(
                "token check before hashing / SHA-256 (context)", "CRC32 of the token / SHA-256 (context)",
                "CRC32C of the token / SHA-256 (context)");
        assertThat(Budgets.evaluate(results)).allSatisfy(check -> assertThat(check.ratio()).isPositive().isFinite());
    }

    @Test
    void databaseBenchmarksRunOnH2() throws RunnerException {
        Collection<RunResult> results = run(databaseBenchmarks().param("store", "h2"));

        assertProduced(results, DATABASE_RUNS);
        assertThat(Budgets.evaluate(results)).extracting(Budgets.Check::budget).containsExactly(
                "cache-miss verify / SELECT by id, h2, JMH forks (context)", "credentials created per second, h2");
    }

    @Test
    void cacheMissIsTimedInAlternatingBlocksOnH2() {
        assertCacheMissMeasured(CacheMissVerify.measure("h2", BRIEF_BLOCKS), "h2");
    }

    @Test
    void verificationAtScaleIsMeasuredOnH2() {
        assertScaleMeasured(VerifyAtScale.measure("h2", TINY_SCALE), "h2");
    }

    @Test
    void databaseBenchmarksRunOnPostgres() throws RunnerException {
        System.setProperty(BenchDatabase.PG_URL_PROPERTY, PostgresServer.url());
        try {
            Collection<RunResult> results = run(databaseBenchmarks().param("store", "postgres"));

            assertProduced(results, DATABASE_RUNS);
            assertThat(Budgets.evaluate(results)).extracting(Budgets.Check::budget).containsExactly(
                    "cache-miss verify / SELECT by id, postgres, JMH forks (context)",
                    "credentials created per second, postgres");
            assertCacheMissMeasured(CacheMissVerify.measure("postgres", BRIEF_BLOCKS), "postgres");
            assertScaleMeasured(VerifyAtScale.measure("postgres", TINY_SCALE), "postgres");
        } finally {
            System.clearProperty(BenchDatabase.PG_URL_PROPERTY);
        }
    }

    @Test
    void cacheFootprintIsMeasuredWithEveryEntryCached() {
        CacheFootprint.Result footprint = CacheFootprint.measure(2_000);

        assertThat(footprint.entries()).isEqualTo(2_000);
        // Every entry holds at least its key, its value and Caffeine's node, 48 bytes each: less is a biased measure.
        assertThat(footprint.bytesPerEntry()).isGreaterThan(3 * 48.0);
        assertThat(footprint.retained()).isNotEmpty();
        assertThat(Budgets.footprint(footprint).ratio()).isFinite();
    }

    private static ChainedOptionsBuilder databaseBenchmarks() {
        return brief()
                .include(CacheMissVerifyBenchmark.class.getName())
                .include(CreateTokenBenchmark.class.getName());
    }

    private static void assertCacheMissMeasured(CacheMissVerify.Result result, String store) {
        assertThat(List.of(result.verify(), result.selectById(), result.selectByHash())).allSatisfy(summary -> {
            assertThat(summary.count()).isPositive();
            assertThat(summary.meanNanos()).isPositive();
        });
        assertThat(Budgets.cacheMiss(result)).extracting(Budgets.Check::budget).containsExactly(
                "cache-miss verify / SELECT by id, " + store,
                "SELECT by token hash / SELECT by id (context), " + store);
        assertThat(Budgets.cacheMiss(result)).allSatisfy(check -> assertThat(check.ratio()).isPositive().isFinite());
    }

    private static void assertScaleMeasured(VerifyAtScale.Result result, String store) {
        assertThat(List.of(result.verifyFewest(), result.verifyMost(), result.selectFewest(), result.selectMost()))
                .allSatisfy(summary -> {
                    assertThat(summary.count()).isPositive();
                    assertThat(summary.p50Nanos()).isPositive();
                    assertThat(summary.p99Nanos()).isGreaterThanOrEqualTo(summary.p50Nanos());
                });
        assertThat(Budgets.scale(result)).extracting(Budgets.Check::budget).containsExactly(
                "p99 verify, 40 / 20 stored, " + store, "p99 SELECT by token hash (context), 40 / 20 stored, " + store,
                "p99 verify / p99 SELECT by token hash (context), 40 stored, " + store);
        assertThat(Budgets.scale(result)).allSatisfy(check -> assertThat(check.ratio()).isPositive().isFinite());
    }

    private static ChainedOptionsBuilder brief() {
        return new OptionsBuilder()
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .threads(1)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
    }

    private static Collection<RunResult> run(ChainedOptionsBuilder options) throws RunnerException {
        return new Runner(options.build()).run();
    }

    private static double median(Collection<RunResult> results, String method) {
        return results.stream()
                .filter(run -> run.getParams().getBenchmark().endsWith("." + method))
                .map(run -> ForkScores.of(run).median())
                .findFirst()
                .orElseThrow();
    }

    private static void assertProduced(Collection<RunResult> results, int runs) {
        assertThat(results).hasSize(runs);
        List<Double> scores = results.stream().map(run -> run.getPrimaryResult().getScore()).toList();
        assertThat(scores).allSatisfy(score -> assertThat(score).isPositive().isFinite());
    }
}
