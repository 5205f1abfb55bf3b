package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.testkit.postgres.PostgresTestDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The migrations on PostgreSQL, in a schema emptied before each test, with {@link JdbcStorage#postgres(String)}. */
class PostgresMigrationIT extends MigrationContract {

    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    @BeforeEach
    void emptySchema() {
        DATABASE.reset();
    }

    @Override
    DataSource database() {
        return DATABASE.dataSource();
    }

    @Override
    Vendor vendor() {
        return Vendor.POSTGRESQL;
    }

    @Override
    JdbcStorage openStorage() {
        return JdbcStorage.postgres(DATABASE.jdbcUrl());
    }
}
