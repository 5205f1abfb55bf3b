package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.testkit.postgres.PostgresTestDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The schema's rules on PostgreSQL, in a schema emptied before each test. */
class PostgresSchemaIT extends SchemaContract {

    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    @Override
    DataSource database() {
        return DATABASE.dataSource();
    }

    @Override
    JdbcStorage openStorage() {
        DATABASE.reset();
        return JdbcStorage.postgres(DATABASE.jdbcUrl());
    }
}
