package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.ports.out.Storage;
import dev.gatehouse.testkit.InstallationFingerprintsContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The InstallationFingerprints contract on a fresh H2 database file per test, in a temporary directory. */
class H2FileInstallationFingerprintsContractTest extends InstallationFingerprintsContract {

    @TempDir
    Path directory;

    @Override
    protected Storage newStorage() {
        return JdbcStorage.h2File(directory.resolve("gatehouse"));
    }
}
