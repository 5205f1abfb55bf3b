package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.testkit.postgres.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Changes inside a host's unit of work on PostgreSQL, where the instance's own announcement comes back only some time
 * after the commit.
 */
class PostgresHostUnitOfWorkIT extends HostUnitOfWorkContract {

    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    @Override
    JdbcStorage newStorage() {
        DATABASE.reset();
        return JdbcStorage.postgres(DATABASE.jdbcUrl());
    }
}
