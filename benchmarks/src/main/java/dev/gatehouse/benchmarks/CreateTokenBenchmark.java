package dev.gatehouse.benchmarks;

import dev.gatehouse.ports.in.NewProjectToken;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.IssuedCredential;
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

/**
 * Credentials created per second through {@code credentials().createToken(...)}, each its own unit of work with
 * its audit entry, by one thread; reported, with no budget.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CreateTokenBenchmark {

    /** {@code h2} (embedded file database) or {@code postgres}. */
    @Param({"h2", "postgres"})
    public String store;

    private BenchDatabase database;
    private BenchInstallation installation;
    private NewProjectToken command;

    /** Opens a fresh database with the default Gatehouse configuration. */
    @Setup(Level.Trial)
    public void setUp() {
        database = BenchDatabase.open(store);
        installation = BenchInstallation.create(database.storage(), builder -> builder);
        command = new NewProjectToken(installation.project(), CredentialKind.WRITE_TOKEN, null, null);
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

    /** Creates one write token. */
    @Benchmark
    public IssuedCredential createToken() {
        return installation.gatehouse().credentials().createToken(installation.admin(), command);
    }
}
