package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.testkit.postgres.PostgresTestDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The channel tables' rules on PostgreSQL, in a schema emptied before each test. */
class PostgresChannelSchemaIT extends ChannelSchemaContract {

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
