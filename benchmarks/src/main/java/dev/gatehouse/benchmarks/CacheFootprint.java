package dev.gatehouse.benchmarks;

import dev.gatehouse.core.Gatehouse;
import dev.gatehouse.ports.in.Verifier;
import dev.gatehouse.ports.model.VerifyResult;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Measures the heap one cached credential costs: fills the verification cache with {@code entries} credentials read
 * from an embedded H2 database (so that each entry holds objects of its own, as with any JDBC store), then drops the
 * whole Gatehouse, and divides the difference of the live heap, each side measured after full collections, by the
 * entries. The pending
 * {@code last_used_at} stamps the same verifications leave behind are written (to nowhere) before the second
 * measurement, and reported apart. Budget: at most 300 bytes per cached credential.
 */
public final class CacheFootprint {

    /** The default cache size of a Gatehouse, so that the measurement is of a full default cache. */
    public static final int DEFAULT_ENTRIES = 100_000;

    private static final Duration LONG_TTL = Duration.ofHours(1);
    private static final int HISTOGRAM_LINES = 12;

    private CacheFootprint() {
    }

    /**
     * The measured footprint.
     *
     * @param cacheBytes growth of the live heap with every entry cached, pending stamps written
     * @param pendingBytes what the pending {@code last_used_at} stamps held before they were written
     * @param retained the classes whose live instances grew the most, largest first
     */
    public record Result(int entries, long cacheBytes, long pendingBytes, List<ClassGrowth> retained) {

        /** Heap per cached credential, in bytes. */
        public double bytesPerEntry() {
            return (double) cacheBytes / entries;
        }

        /** Heap per pending {@code last_used_at} stamp, in bytes. */
        public double pendingBytesPerEntry() {
            return (double) pendingBytes / entries;
        }
    }

    /** The growth of one class's live instances between two heap histograms. */
    public record ClassGrowth(String className, long instances, long bytes) {
    }

    /** Measures with {@link #DEFAULT_ENTRIES}, or the count given as the first argument, and prints the result. */
    public static void main(String[] args) {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_ENTRIES;
        print(measure(entries));
    }

    /** Prints the result, a line per figure, then the classes that dominate. */
    static void print(Result result) {
        System.out.printf(Locale.ROOT, "Heap per cached credential: %.0f bytes (%d entries, %d bytes in all)%n",
                result.bytesPerEntry(), result.entries(), result.cacheBytes());
        System.out.printf(Locale.ROOT, "Heap per pending last_used_at stamp (until the next flush): %.0f bytes%n",
                result.pendingBytesPerEntry());
        System.out.println("Live instances added per cached credential, by class:");
        for (ClassGrowth growth : result.retained()) {
            System.out.printf(Locale.ROOT, "  %7.1f bytes  %5.2f instances  %s%n",
                    (double) growth.bytes() / result.entries(), (double) growth.instances() / result.entries(),
                    growth.className());
        }
    }

    /** Fills a cache of {@code entries} credentials and measures it; takes seconds per hundred thousand. */
    public static Result measure(int entries) {
        if (entries < 1) {
            throw new IllegalArgumentException("entries must be at least 1");
        }
        try (BenchDatabase database = BenchDatabase.open("h2")) {
            CountingStorage storage = new CountingStorage(database.storage(), false);
            try (BenchInstallation installation =
                    BenchInstallation.create(storage.storage(), BenchInstallation::uncached)) {
                List<String> tokens = CredentialRows.insertLike(database, installation.newWriteToken().credential(),
                        entries, entries);
                // One uncached pass warms the database's page cache and the JIT, so that neither grows while measured.
                verifyAll(installation.gatehouse().verifier(), tokens);
                return measure(storage, tokens);
            }
        }
    }

    /**
     * Measures the filled cache against the same heap without it, both after the same reads: the database's own
     * page cache, which any read may grow, then weighs alike on both sides. No histogram is alive while the heap is
     * measured, since one holds a string per loaded class; the classes come from a second, identical fill.
     */
    private static Result measure(CountingStorage storage, List<String> tokens) {
        // The first histogram sets up what running jcmd needs for good: done here, it weighs on both sides alike.
        histogram();
        Gatehouse gatehouse = filledGatehouse(storage, tokens);
        requireEveryEntryCached(gatehouse, storage, tokens);
        long withPending = usedHeapAfterGc();
        gatehouse.close();
        long cached = usedHeapAfterGc();
        gatehouse = null;
        long empty = usedHeapAfterGc();
        return new Result(tokens.size(), cached - empty, withPending - cached, composition(storage, tokens));
    }

    private static Gatehouse filledGatehouse(CountingStorage storage, List<String> tokens) {
        Gatehouse gatehouse = Gatehouse.builder()
                .storage(storage.storage())
                .verificationCache(tokens.size(), LONG_TTL, LONG_TTL)
                .lastUsedFlushInterval(LONG_TTL)
                .build();
        verifyAll(gatehouse.verifier(), tokens);
        return gatehouse;
    }

    /** Checked before measuring: these verifications stamp the same credentials again, so nothing is added. */
    private static void requireEveryEntryCached(Gatehouse gatehouse, CountingStorage storage, List<String> tokens) {
        long lookups = storage.lookups();
        verifyAll(gatehouse.verifier(), tokens);
        if (storage.lookups() != lookups) {
            throw new IllegalStateException("the cache did not keep every credential: "
                    + (storage.lookups() - lookups) + " of " + tokens.size() + " verifications read the store");
        }
    }

    /** The classes a filled cache adds to the heap: histograms with and without a second, identical fill. */
    private static List<ClassGrowth> composition(CountingStorage storage, List<String> tokens) {
        Gatehouse gatehouse = filledGatehouse(storage, tokens);
        gatehouse.close();
        Map<String, ClassGrowth> withCache = histogram();
        gatehouse = null;
        Map<String, ClassGrowth> withoutCache = histogram();
        return growth(withoutCache, withCache);
    }

    private static void verifyAll(Verifier verifier, List<String> tokens) {
        for (String token : tokens) {
            if (!(verifier.verify(token) instanceof VerifyResult.Verified)) {
                throw new IllegalStateException("a bulk-loaded credential does not verify");
            }
        }
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while measuring the heap", e);
            }
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** The live-object histogram of {@code jcmd GC.class_histogram}, which collects garbage first. */
    private static Map<String, ClassGrowth> histogram() {
        String text;
        try {
            text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
        } catch (JMException e) {
            throw new IllegalStateException("this JVM cannot print a class histogram", e);
        }
        Map<String, ClassGrowth> classes = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 4 && fields[0].endsWith(":")) {
                classes.put(fields[3], new ClassGrowth(fields[3], Long.parseLong(fields[1]),
                        Long.parseLong(fields[2])));
            }
        }
        return classes;
    }

    private static List<ClassGrowth> growth(Map<String, ClassGrowth> before, Map<String, ClassGrowth> after) {
        List<ClassGrowth> grown = new ArrayList<>();
        after.forEach((name, now) -> {
            ClassGrowth then = before.getOrDefault(name, new ClassGrowth(name, 0, 0));
            grown.add(new ClassGrowth(name, now.instances() - then.instances(), now.bytes() - then.bytes()));
        });
        grown.sort(Comparator.comparingLong(ClassGrowth::bytes).reversed());
        return List.copyOf(grown.subList(0, Math.min(HISTOGRAM_LINES, grown.size())));
    }
}
