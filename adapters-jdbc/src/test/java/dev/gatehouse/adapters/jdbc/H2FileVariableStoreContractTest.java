package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.ports.out.Storage;
import dev.gatehouse.testkit.VariableStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The VariableStore contract on a fresh H2 database file per test, in a temporary directory. */
class H2FileVariableStoreContractTest extends VariableStoreContract {

    @TempDir
    Path directory;

    @Override
    protected Storage newStorage() {
        return JdbcStorage.h2File(directory.resolve("gatehouse"));
    }
}
