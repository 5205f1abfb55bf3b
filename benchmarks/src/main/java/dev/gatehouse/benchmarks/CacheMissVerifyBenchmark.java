package dev.gatehouse.benchmarks;

import dev.gatehouse.ports.model.VerifyResult;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A verification that misses the cache (the cache keeps nothing), against its baseline on the same database: a
 * plain {@code PreparedStatement} selecting the same credential's row by primary key on a pooled connection. The
 * budget (at most 1.3x) is judged from {@link CacheMissVerify}, which times the same calls in alternating blocks;
 * this JMH form, each method in a fork of its own, is reported as context and is what {@code bench/profile.sh}
 * profiles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CacheMissVerifyBenchmark {

    /** {@code h2} (embedded file database) or {@code postgres}. */
    @Param({"h2", "postgres"})
    public String store;

    private CacheMissFixture fixture;

    /** Opens a fresh database and creates the tokens through the public API. */
    @Setup(Level.Trial)
    public void setUp() {
        fixture = CacheMissFixture.open(store);
    }

    /** Closes the installation and drops its database. */
    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }

    /** A full verification whose lookup goes to the database. */
    @Benchmark
    public VerifyResult verify(Cursor cursor) {
        return fixture.verify(cursor.next(CacheMissFixture.TOKENS));
    }

    /** The baseline: borrow a connection, select the row by primary key, read every column, give it back. */
    @Benchmark
    public void selectByPrimaryKey(Cursor cursor, Blackhole blackhole) {
        fixture.selectById(cursor.next(CacheMissFixture.TOKENS), blackhole::consume);
    }

    /**
     * Not a budget, context: the baseline's work when the row is found by its token hash as verification must find
     * it, through the secondary index, which costs the database one more lookup than the primary key.
     */
    @Benchmark
    public void selectByTokenHash(Cursor cursor, Blackhole blackhole) {
        fixture.selectByHash(cursor.next(CacheMissFixture.TOKENS), blackhole::consume);
    }
}
