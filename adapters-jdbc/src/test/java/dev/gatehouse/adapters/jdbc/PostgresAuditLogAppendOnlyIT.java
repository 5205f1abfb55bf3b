package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.testkit.postgres.PostgresTestDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The audit log's append-only triggers on PostgreSQL, in a schema emptied before each test. */
class PostgresAuditLogAppendOnlyIT extends AuditLogAppendOnlyContract {

    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    @Override
    DataSource database() {
        return DATABASE.dataSource();
    }

    @Override
    JdbcStorage openStorage() {
        DATABASE.emptyTables("flyway_schema_history");
        return JdbcStorage.postgres(DATABASE.jdbcUrl());
    }
}
