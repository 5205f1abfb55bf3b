package dev.gatehouse.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the benchmarks in one JMH run and judges the budgets of issue 6 against baselines measured in that same run,
 * then times the cache miss and verification at scale in alternating blocks and measures the cache's heap
 * footprint; exits with 1 when a budget is missed.
 * Arguments are JMH's own ({@code -f 1 -wi 3 -i 5 -p store=h2 ...}); {@code -p store} and {@code -p stored} also
 * choose the stores and the two table sizes of the scale measurement.
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

        /** One line of the report, the budget's name padded to {@code nameWidth} characters. */
        public String line(int nameWidth) {
            String verdict = Double.isNaN(limit) ? "reported"
                    : String.format(Locale.ROOT, "%-6s (limit %.2fx)", met() ? "MET" : "MISSED", limit);
            String shown = Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%5.2fx", ratio);
            return String.format(Locale.ROOT, "%-" + nameWidth + "s %6s  %-30s  %-30s  %s", budget, shown, measured,
                    baseline, verdict);
        }
    }

    /** Prints one line per check, the columns aligned below the longest budget name. */
    public static void print(List<Check> checks) {
        int nameWidth = checks.stream().mapToInt(check -> check.budget().length()).max().orElse(0);
        checks.forEach(check -> System.out.println(check.line(nameWidth)));
    }

    /**
     * Runs JMH with {@code args}, then the cache-miss and scale measurements and the heap footprint unless the
     * arguments' benchmark patterns leave them out; prints every check and exits 1 if any budget is missed.
     */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        CommandLineOptions commandLine = new CommandLineOptions(args);
        Options options = new OptionsBuilder().parent(commandLine).shouldFailOnError(true).build();
        List<Check> checks = new ArrayList<>();
        if (matchesJmhBenchmarks(commandLine)) {
            checks.addAll(evaluate(new Runner(options).run()));
        }
        for (String store : selected(commandLine, CacheMissVerify.class) ? stores(commandLine) : List.<String>of()) {
            System.out.println("Cache-miss verification, " + store + ": alternating blocks ...");
            checks.addAll(cacheMiss(CacheMissVerify.measure(store, AlternatingBlocks.Settings.defaults())));
        }
        if (selected(commandLine, VerifyAtScale.class)) {
            VerifyAtScale.Settings settings = scaleSettings(commandLine);
            for (String store : stores(commandLine)) {
                System.out.println("Verification at scale, " + store + ": loading " + settings.fewest() + " and "
                        + settings.most() + " credentials, then alternating blocks ...");
                checks.addAll(scale(VerifyAtScale.measure(store, settings)));
            }
        }
        CacheFootprint.Result footprint = null;
        if (selected(commandLine, CacheFootprint.class)) {
            footprint = CacheFootprint.measure(CacheFootprint.DEFAULT_ENTRIES);
            checks.add(footprint(footprint));
        }
        System.out.println();
        System.out.println("Budgets (ratios against baselines measured in the same run):");
        print(checks);
        System.out.println();
        if (footprint != null) {
            CacheFootprint.print(footprint);
        }
        boolean missed = checks.stream().anyMatch(check -> !check.met());
        System.out.println(missed ? "AT LEAST ONE BUDGET MISSED" : "ALL BUDGETS MET");
        System.exit(missed ? 1 : 0);
    }

    /**
     * The cache-miss budget and its context from one measurement: the mean verify over the mean select by primary
     * key; the select by token hash over the same.
     */
    public static List<Check> cacheMiss(CacheMissVerify.Result result) {
        return List.of(
                meanRatio("cache-miss verify / SELECT by id, " + result.store(), result.verify(), result.selectById(),
                        1.3),
                meanRatio("SELECT by token hash / SELECT by id (context), " + result.store(), result.selectByHash(),
                        result.selectById(), Double.NaN));
    }

    private static Check meanRatio(String what, LatencySamples.Summary measured, LatencySamples.Summary baseline,
            double limit) {
        return new Check(what, meanText(measured), meanText(baseline), measured.meanNanos() / baseline.meanNanos(),
                limit);
    }

    private static String meanText(LatencySamples.Summary summary) {
        return String.format(Locale.ROOT, "%.2f us (n=%d)", summary.meanNanos() / 1_000.0, summary.count());
    }

    /**
     * The scale budget and its context from one measurement: p99 of verification with the most credentials over
     * p99 with the fewest; the same for the plain select; verification's p99 over the select's with the most.
     */
    public static List<Check> scale(VerifyAtScale.Result result) {
        String sizes = result.most() + " / " + result.fewest() + " stored, " + result.store();
        return List.of(
                p99Ratio("p99 verify, " + sizes, result.verifyMost(), result.verifyFewest(), 1.2),
                p99Ratio("p99 SELECT by token hash (context), " + sizes, result.selectMost(), result.selectFewest(),
                        Double.NaN),
                p99Ratio("p99 verify / p99 SELECT by token hash (context), " + result.most() + " stored, "
                        + result.store(), result.verifyMost(), result.selectMost(), Double.NaN));
    }

    private static Check p99Ratio(String what, LatencySamples.Summary measured, LatencySamples.Summary baseline,
            double limit) {
        return new Check(what, p99Text(measured), p99Text(baseline),
                (double) measured.p99Nanos() / baseline.p99Nanos(), limit);
    }

    private static String p99Text(LatencySamples.Summary summary) {
        return String.format(Locale.ROOT, "p99 %.1f us (n=%d)", summary.p99Nanos() / 1_000.0, summary.count());
    }

    /** Whether the arguments name no benchmark, or a pattern that finds {@code harness}'s name, as JMH would. */
    private static boolean selected(CommandLineOptions commandLine, Class<?> harness) {
        List<String> patterns = commandLine.getIncludes();
        return patterns.isEmpty()
                || patterns.stream().anyMatch(pattern -> Pattern.compile(pattern).matcher(harness.getName()).find());
    }

    /** Whether JMH would find a benchmark for the arguments' patterns; it refuses to run when none matches. */
    private static boolean matchesJmhBenchmarks(CommandLineOptions commandLine) {
        List<String> patterns = commandLine.getIncludes().isEmpty() ? List.of(".*") : commandLine.getIncludes();
        OutputFormat silent = OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT);
        return !BenchmarkList.defaultList().find(silent, patterns, commandLine.getExcludes()).isEmpty();
    }

    /** The default sizes, or those of {@code -p stored=FEWEST,MOST}. */
    private static VerifyAtScale.Settings scaleSettings(CommandLineOptions commandLine) {
        VerifyAtScale.Settings defaults = VerifyAtScale.Settings.defaults();
        List<String> sizes = parameter(commandLine, "stored", List.of());
        if (sizes.isEmpty()) {
            return defaults;
        }
        List<Integer> sorted = sizes.stream().map(Integer::valueOf).sorted().toList();
        return defaults.sized(sorted.get(0), sorted.get(sorted.size() - 1));
    }

    private static List<String> stores(CommandLineOptions commandLine) {
        return parameter(commandLine, "store", List.of("h2", "postgres"));
    }

    private static List<String> parameter(CommandLineOptions commandLine, String name, List<String> otherwise) {
        org.openjdk.jmh.util.Optional<Collection<String>> values = commandLine.getParameter(name);
        return values.hasValue() ? List.copyOf(values.get()) : otherwise;
    }

    /** The budget for the cache's heap footprint. */
    public static Check footprint(CacheFootprint.Result footprint) {
        return new Check("heap per cached credential / 300 bytes",
                String.format(Locale.ROOT, "%.0f B/entry", footprint.bytesPerEntry()),
                String.format(Locale.ROOT, "300 B (%d entries)", footprint.entries()),
                footprint.bytesPerEntry() / FOOTPRINT_BUDGET_BYTES, 1.0);
    }

    /**
     * Every check whose benchmarks are among {@code results}, each ratio taken between medians over forks; a budget
     * whose runs are missing is left out.
     */
    public static List<Check> evaluate(Collection<RunResult> results) {
        List<Check> checks = new ArrayList<>();
        for (String pepper : List.of("none", "hmac")) {
            String hash = pepper.equals("hmac") ? "HMAC-SHA256" : "SHA-256";
            ratio("cached verify / " + hash + " of the token",
                    find(results, "CachedVerifyBenchmark.verify", "pepper", pepper),
                    find(results, "CachedVerifyBenchmark.hashAlone", "pepper", pepper), 1.5)
                    .ifPresent(checks::add);
        }
        Optional<RunResult> sha256 = find(results, "CachedVerifyBenchmark.hashAlone", "pepper", "none");
        ratio("token check before hashing / SHA-256 (context)", find(results, "TokenCheckBenchmark.tokenCheck"),
                sha256, Double.NaN).ifPresent(checks::add);
        ratio("CRC32 of the token / SHA-256 (context)", find(results, "TokenCheckBenchmark.crc32"), sha256,
                Double.NaN).ifPresent(checks::add);
        ratio("CRC32C of the token / SHA-256 (context)", find(results, "TokenCheckBenchmark.crc32c"), sha256,
                Double.NaN).ifPresent(checks::add);
        for (String store : List.of("h2", "postgres")) {
            ratio("cache-miss verify / SELECT by id, " + store + ", JMH forks (context)",
                    find(results, "CacheMissVerifyBenchmark.verify", "store", store),
                    find(results, "CacheMissVerifyBenchmark.selectByPrimaryKey", "store", store), Double.NaN)
                    .ifPresent(checks::add);
        }
        for (String store : List.of("h2", "postgres")) {
            find(results, "CreateTokenBenchmark.createToken", "store", store).ifPresent(run -> checks.add(
                    new Check("credentials created per second, " + store, ForkScores.of(run).text(), "1 thread",
                            Double.NaN, Double.NaN)));
        }
        return checks;
    }

    /** The ratio of the two benchmarks' medians over their forks, or empty where either did not run. */
    private static Optional<Check> ratio(String budget, Optional<RunResult> measured, Optional<RunResult> baseline,
            double limit) {
        if (measured.isEmpty() || baseline.isEmpty()) {
            return Optional.empty();
        }
        ForkScores numerator = ForkScores.of(measured.get());
        ForkScores denominator = ForkScores.of(baseline.get());
        return Optional.of(new Check(budget, numerator.text(), denominator.text(),
                numerator.median() / denominator.median(), limit));
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
}
