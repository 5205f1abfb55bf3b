package dev.gatehouse.benchmarks;

import dev.gatehouse.ports.in.Verifier;
import dev.gatehouse.ports.model.IssuedCredential;
import dev.gatehouse.ports.model.VerifyResult;
import java.sql.SQLException;
import java.util.UUID;
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
 * plain {@code PreparedStatement} selecting the same credential's row by primary key on a pooled connection.
 * Budget: {@code verify} at most 1.3x {@code selectByPrimaryKey}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CacheMissVerifyBenchmark {

    private static final int TOKENS = 64;

    /** {@code h2} (embedded file database) or {@code postgres}. */
    @Param({"h2", "postgres"})
    public String store;

    private BenchDatabase database;
    private BenchInstallation installation;
    private Verifier verifier;
    private final String[] tokens = new String[TOKENS];
    private final UUID[] ids = new UUID[TOKENS];
    private final String[] hashes = new String[TOKENS];
    private RawSelect selectById;
    private RawSelect selectByHash;

    /** Opens a fresh database and creates the tokens through the public API. */
    @Setup(Level.Trial)
    public void setUp() {
        database = BenchDatabase.open(store);
        installation = BenchInstallation.create(database.storage(), BenchInstallation::uncached);
        verifier = installation.gatehouse().verifier();
        for (int i = 0; i < TOKENS; i++) {
            IssuedCredential issued = installation.newWriteToken();
            tokens[i] = issued.token();
            ids[i] = issued.credential().id().value();
            hashes[i] = issued.credential().tokenHash().hex();
            installation.requireVerifies(tokens[i]);
        }
        selectById = RawSelect.byColumn(database.pool(), "id", ids[0]);
        selectByHash = RawSelect.byColumn(database.pool(), "token_hash", hashes[0]);
    }

    /** Closes the installation and drops its database. */
    @TearDown(Level.Trial)
    public void tearDown() {
        try {
            installation.close();
        } finally {
            database.close();
        }
    }

    /** A full verification whose lookup goes to the database. */
    @Benchmark
    public VerifyResult verify(Cursor cursor) {
        return verifier.verify(tokens[cursor.next(TOKENS)]);
    }

    /** The baseline: borrow a connection, select the row by primary key, read every column, give it back. */
    @Benchmark
    public void selectByPrimaryKey(Cursor cursor, Blackhole blackhole) throws SQLException {
        selectById.run(ids[cursor.next(TOKENS)], blackhole::consume);
    }

    /**
     * Not a budget, context: the baseline's work when the row is found by its token hash as verification must find
     * it, through the secondary index, which costs the database one more lookup than the primary key.
     */
    @Benchmark
    public void selectByTokenHash(Cursor cursor, Blackhole blackhole) throws SQLException {
        selectByHash.run(hashes[cursor.next(TOKENS)], blackhole::consume);
    }
}
