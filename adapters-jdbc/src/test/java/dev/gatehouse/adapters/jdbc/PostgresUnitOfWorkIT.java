package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.testkit.postgres.PostgresTestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JDBC unit-of-work behaviour on PostgreSQL, where a refused statement would otherwise abort the transaction. */
class PostgresUnitOfWorkIT extends UnitOfWorkContract {

    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    @Override
    JdbcStorage newStorage() {
        DATABASE.reset();
        return JdbcStorage.postgres(DATABASE.jdbcUrl());
    }
}
