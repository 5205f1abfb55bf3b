package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.ports.out.Storage;
import dev.gatehouse.testkit.OrganizationStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The OrganizationStore contract on a fresh H2 database file per test, in a temporary directory. */
class H2FileOrganizationStoreContractTest extends OrganizationStoreContract {

    @TempDir
    Path directory;

    @Override
    protected Storage newStorage() {
        return JdbcStorage.h2File(directory.resolve("gatehouse"));
    }
}
