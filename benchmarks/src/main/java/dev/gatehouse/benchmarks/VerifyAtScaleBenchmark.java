package dev.gatehouse.benchmarks;

import dev.gatehouse.core.internal.TokenHasher;
import dev.gatehouse.ports.in.Verifier;
import dev.gatehouse.ports.model.IssuedCredential;
import dev.gatehouse.ports.model.VerifyResult;
import java.sql.SQLException;
import java.util.List;
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
 * Verification latency, every lookup missing the cache so that the token-hash index does the work, with
 * {@code stored} credentials in the table. Budget: p99 with the largest {@code stored} at most 1.2x p99 with the
 * smallest, in the same run. The verified tokens are a uniform sample of all rows, so a large table is read across
 * its whole extent rather than in one hot corner. For context, {@code selectByTokenHash} times the database's own
 * share at the same size: the same rows selected by token hash with plain JDBC.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VerifyAtScaleBenchmark {

    /** The most tokens kept for verifying: enough to spread reads over a million rows, few enough to hold in memory. */
    static final int SAMPLE_SIZE = 65_536;

    /** {@code h2} (embedded file database) or {@code postgres}. */
    @Param({"h2", "postgres"})
    public String store;

    /** Credentials in the table, the one created through the API included. */
    @Param({"1000", "1000000"})
    public int stored;

    private BenchDatabase database;
    private BenchInstallation installation;
    private Verifier verifier;
    private String[] tokens;
    private String[] hashes;
    private RawSelect selectByHash;

    /** Creates one credential through the API, bulk-loads the rest like it, and checks that the sample verifies. */
    @Setup(Level.Trial)
    public void setUp() {
        if (stored < 1) {
            throw new IllegalArgumentException("stored must be at least 1");
        }
        database = BenchDatabase.open(store);
        installation = BenchInstallation.create(database.storage(), BenchInstallation::uncached);
        verifier = installation.gatehouse().verifier();
        IssuedCredential template = installation.newWriteToken();
        List<String> sample = CredentialRows.insertLike(database, template.credential(), stored - 1, SAMPLE_SIZE);
        if (sample.isEmpty()) {
            sample = List.of(template.token());
        }
        tokens = sample.toArray(String[]::new);
        TokenHasher hasher = TokenHasher.sha256();
        hashes = sample.stream().map(hasher::hex).toArray(String[]::new);
        selectByHash = RawSelect.byColumn(database.pool(), "token_hash", hashes[0]);
        for (int i = 0; i < Math.min(tokens.length, 100); i++) {
            installation.requireVerifies(tokens[i]);
        }
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

    /** A full verification of the next sampled token, its lookup going to the database. */
    @Benchmark
    public VerifyResult verify(Cursor cursor) {
        return verifier.verify(tokens[cursor.next(tokens.length)]);
    }

    /** Context, not a budget: the next sampled row selected by its token hash with plain JDBC, every column read. */
    @Benchmark
    public void selectByTokenHash(Cursor cursor, Blackhole blackhole) throws SQLException {
        selectByHash.run(hashes[cursor.next(hashes.length)], blackhole);
    }
}
