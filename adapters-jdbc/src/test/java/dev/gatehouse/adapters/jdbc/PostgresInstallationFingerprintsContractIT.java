package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.ports.out.Storage;
import dev.gatehouse.testkit.InstallationFingerprintsContract;
import dev.gatehouse.testkit.postgres.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The InstallationFingerprints contract on PostgreSQL: one schema migrated once, emptied before each test. */
class PostgresInstallationFingerprintsContractIT extends InstallationFingerprintsContract {

    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    @Override
    protected Storage newStorage() {
        DATABASE.emptyTables("flyway_schema_history");
        return JdbcStorage.postgres(DATABASE.jdbcUrl());
    }
}
