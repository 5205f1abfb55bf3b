package dev.gatehouse.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks in one JMH run and judges the budgets of issue 6 against baselines measured in that same run,
 * then measures the cache's heap footprint; exits with 1 when a budget is missed. Arguments are JMH's own
 * ({@code -f 1 -wi 3 -i 5 -p store=h2 ...}).
 */
public final class Budgets {

    private static final String PACKAGE = Budgets.class.getPackageName() + ".";
    private static final double FOOTPRINT_BUDGET_BYTES = 300;

    private Budgets() {
    }

    /**
     * One judged ratio, or one reported figure where {@code limit} is not a number.
     *
     * @param ratio {@code measured / baseline}, lower is better
     */
    public record Check(String budget, String measured, String baseline, double ratio, double limit) {

        /** Whether the ratio is within the limit; a figure without a limit is always met. */
        public boolean met() {
            return Double.isNaN(limit) || ratio <= limit;
        }

        /** One line of the report. */
        public String line() {
            String verdict = Double.isNaN(limit) ? "reported"
                    : String.format(Locale.ROOT, "%-6s (limit %.2fx)", met() ? "MET" : "MISSED", limit);
            String shown = Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%5.2fx", ratio);
            return String.format(Locale.ROOT, "%-52s %6s  %-24s  %-24s  %s", budget, shown, measured, baseline,
                    verdict);
        }
    }

    /** Runs JMH with {@code args}, prints every check and the heap footprint, and exits 1 if any budget is missed. */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        CommandLineOptions commandLine = new CommandLineOptions(args);
        Options options = new OptionsBuilder().parent(commandLine).shouldFailOnError(true).build();
        Collection<RunResult> results = new Runner(options).run();
        List<Check> checks = new ArrayList<>(evaluate(results));
        CacheFootprint.Result footprint = CacheFootprint.measure(CacheFootprint.DEFAULT_ENTRIES);
        checks.add(footprint(footprint));
        System.out.println();
        System.out.println("Budgets (ratios against baselines measured in the same run):");
        checks.forEach(check -> System.out.println(check.line()));
        System.out.println();
        CacheFootprint.print(footprint);
        boolean missed = checks.stream().anyMatch(check -> !check.met());
        System.out.println(missed ? "AT LEAST ONE BUDGET MISSED" : "ALL BUDGETS MET");
        System.exit(missed ? 1 : 0);
    }

    /** The budget for the cache's heap footprint. */
    public static Check footprint(CacheFootprint.Result footprint) {
        return new Check("heap per cached credential / 300 bytes",
                String.format(Locale.ROOT, "%.0f B/entry", footprint.bytesPerEntry()),
                String.format(Locale.ROOT, "300 B (%d entries)", footprint.entries()),
                footprint.bytesPerEntry() / FOOTPRINT_BUDGET_BYTES, 1.0);
    }

    /** Every check whose benchmarks are among {@code results}; a budget whose runs are missing is left out. */
    public static List<Check> evaluate(Collection<RunResult> results) {
        List<Check> checks = new ArrayList<>();
        for (String pepper : List.of("none", "hmac")) {
            String hash = pepper.equals("hmac") ? "HMAC-SHA256" : "SHA-256";
            ratio(results, "cached verify / " + hash + " of the token",
                    find(results, "CachedVerifyBenchmark.verify", "pepper", pepper),
                    find(results, "CachedVerifyBenchmark.hashAlone", "pepper", pepper), 1.5)
                    .ifPresent(checks::add);
        }
        Optional<RunResult> sha256 = find(results, "CachedVerifyBenchmark.hashAlone", "pepper", "none");
        ratio(results, "token check before hashing / SHA-256 (context)",
                find(results, "TokenCheckBenchmark.tokenCheck"), sha256, Double.NaN).ifPresent(checks::add);
        ratio(results, "CRC32 of the token / SHA-256 (context)", find(results, "TokenCheckBenchmark.crc32"), sha256,
                Double.NaN).ifPresent(checks::add);
        ratio(results, "CRC32C of the token / SHA-256 (context)", find(results, "TokenCheckBenchmark.crc32c"), sha256,
                Double.NaN).ifPresent(checks::add);
        for (String store : List.of("h2", "postgres")) {
            ratio(results, "cache-miss verify / SELECT by id, " + store,
                    find(results, "CacheMissVerifyBenchmark.verify", "store", store),
                    find(results, "CacheMissVerifyBenchmark.selectByPrimaryKey", "store", store), 1.3)
                    .ifPresent(checks::add);
        }
        for (String store : List.of("h2", "postgres")) {
            List<RunResult> verifies = bySize(results, "VerifyAtScaleBenchmark.verify", store);
            List<RunResult> selects = bySize(results, "VerifyAtScaleBenchmark.selectByTokenHash", store);
            scale("p99 verify", verifies, store, 1.2).ifPresent(checks::add);
            scale("p99 SELECT by token hash (context)", selects, store, Double.NaN).ifPresent(checks::add);
            verifyOverSelectAtLargest(verifies, selects, store).ifPresent(checks::add);
        }
        for (String store : List.of("h2", "postgres")) {
            find(results, "CreateTokenBenchmark.createToken", "store", store).ifPresent(run -> checks.add(
                    new Check("credentials created per second, " + store, score(run), "1 thread", Double.NaN,
                            Double.NaN)));
        }
        return checks;
    }

    private static Optional<Check> ratio(Collection<RunResult> results, String budget, Optional<RunResult> measured,
            Optional<RunResult> baseline, double limit) {
        if (measured.isEmpty() || baseline.isEmpty()) {
            return Optional.empty();
        }
        double ratio = measured.get().getPrimaryResult().getScore() / baseline.get().getPrimaryResult().getScore();
        return Optional.of(new Check(budget, score(measured.get()), score(baseline.get()), ratio, limit));
    }

    /** The runs of {@code classAndMethod} on {@code store}, from the fewest stored credentials to the most. */
    private static List<RunResult> bySize(Collection<RunResult> results, String classAndMethod, String store) {
        return results.stream()
                .filter(benchmark(classAndMethod))
                .filter(run -> store.equals(run.getParams().getParam("store")))
                .sorted(Comparator.comparingInt(run -> Integer.parseInt(run.getParams().getParam("stored"))))
                .toList();
    }

    /** p99 with the most stored credentials over p99 with the fewest; {@code runs} are ordered by size. */
    private static Optional<Check> scale(String what, List<RunResult> runs, String store, double limit) {
        if (runs.size() < 2) {
            return Optional.empty();
        }
        RunResult fewest = runs.get(0);
        RunResult most = runs.get(runs.size() - 1);
        return Optional.of(new Check(
                what + ", " + stored(most) + " / " + stored(fewest) + " stored, " + store,
                p99Text(most), p99Text(fewest), p99(most) / p99(fewest), limit));
    }

    /** Context: verification's p99 over the plain select's at the largest size, the share that is Gatehouse's. */
    private static Optional<Check> verifyOverSelectAtLargest(List<RunResult> verifies, List<RunResult> selects,
            String store) {
        if (verifies.size() < 2 || selects.isEmpty()) {
            return Optional.empty();
        }
        RunResult verify = verifies.get(verifies.size() - 1);
        RunResult select = selects.get(selects.size() - 1);
        if (!stored(verify).equals(stored(select))) {
            return Optional.empty();
        }
        return Optional.of(new Check("p99 verify / p99 SELECT by token hash (context), " + stored(verify)
                + " stored, " + store, p99Text(verify), p99Text(select), p99(verify) / p99(select), Double.NaN));
    }

    private static String stored(RunResult run) {
        return run.getParams().getParam("stored");
    }

    private static Optional<RunResult> find(Collection<RunResult> results, String benchmark) {
        return results.stream().filter(benchmark(benchmark)).findFirst();
    }

    private static Optional<RunResult> find(Collection<RunResult> results, String benchmark, String param,
            String value) {
        return results.stream()
                .filter(benchmark(benchmark))
                .filter(run -> value.equals(run.getParams().getParam(param)))
                .findFirst();
    }

    private static Predicate<RunResult> benchmark(String classAndMethod) {
        return run -> run.getParams().getBenchmark().equals(PACKAGE + classAndMethod);
    }

    private static double p99(RunResult run) {
        return run.getPrimaryResult().getStatistics().getPercentile(99.0);
    }

    private static String p99Text(RunResult run) {
        return String.format(Locale.ROOT, "p99 %.1f %s", p99(run), run.getPrimaryResult().getScoreUnit());
    }

    private static String score(RunResult run) {
        return String.format(Locale.ROOT, "%.3g %s", run.getPrimaryResult().getScore(),
                run.getPrimaryResult().getScoreUnit());
    }
}
