package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.testkit.postgres.PostgresTestDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** No channel secret at rest in PostgreSQL. */
class PostgresChannelSecretsAtRestIT extends ChannelSecretsAtRestContract {

    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    @Override
    JdbcStorage openStorage() {
        DATABASE.reset();
        return JdbcStorage.postgres(DATABASE.jdbcUrl());
    }

    @Override
    DataSource database() {
        return DATABASE.dataSource();
    }
}
