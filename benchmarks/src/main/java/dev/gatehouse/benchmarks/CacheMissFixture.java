package dev.gatehouse.benchmarks;

import dev.gatehouse.ports.in.Verifier;
import dev.gatehouse.ports.model.IssuedCredential;
import dev.gatehouse.ports.model.VerifyResult;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A fresh database of one store with {@value #TOKENS} write tokens created through the public API, an uncached
 * Gatehouse over it, and plain JDBC selects of the same rows by primary key and by token hash: what the cache-miss
 * budget compares. Not thread-safe while opening or closing.
 */
final class CacheMissFixture implements AutoCloseable {

    /** Tokens verified in turn, so that no single row stays hot in the database's caches. */
    static final int TOKENS = 64;

    private final BenchDatabase database;
    private final BenchInstallation installation;
    private final Verifier verifier;
    private final String[] tokens = new String[TOKENS];
    private final UUID[] ids = new UUID[TOKENS];
    private final String[] hashes = new String[TOKENS];
    private final RawSelect selectById;
    private final RawSelect selectByHash;

    private CacheMissFixture(BenchDatabase database, BenchInstallation installation) {
        this.database = database;
        this.installation = installation;
        this.verifier = installation.gatehouse().verifier();
        for (int i = 0; i < TOKENS; i++) {
            IssuedCredential issued = installation.newWriteToken();
            tokens[i] = issued.token();
            ids[i] = issued.credential().id().value();
            hashes[i] = issued.credential().tokenHash().hex();
            installation.requireVerifies(tokens[i]);
        }
        this.selectById = RawSelect.byColumn(database.pool(), "id", ids[0]);
        this.selectByHash = RawSelect.byColumn(database.pool(), "token_hash", hashes[0]);
    }

    /** Opens a fresh database of {@code store} ({@code h2} or {@code postgres}) and creates the tokens. */
    static CacheMissFixture open(String store) {
        BenchDatabase database = BenchDatabase.open(store);
        BenchInstallation installation = null;
        try {
            installation = BenchInstallation.create(database.storage(), BenchInstallation::uncached);
            return new CacheMissFixture(database, installation);
        } catch (RuntimeException failure) {
            database.closeAfter(installation);
            throw failure;
        }
    }

    /** A full verification of token {@code index} (modulo {@value #TOKENS}), whose lookup goes to the database. */
    VerifyResult verify(int index) {
        return verifier.verify(tokens[index % TOKENS]);
    }

    /** The row of token {@code index} selected by primary key, every column handed to {@code sink}. */
    void selectById(int index, Consumer<Object> sink) {
        selectById.run(ids[index % TOKENS], sink);
    }

    /** The row of token {@code index} selected by token hash, every column handed to {@code sink}. */
    void selectByHash(int index, Consumer<Object> sink) {
        selectByHash.run(hashes[index % TOKENS], sink);
    }

    /** Closes the installation and drops the database. */
    @Override
    public void close() {
        database.closeAfter(installation);
    }
}
