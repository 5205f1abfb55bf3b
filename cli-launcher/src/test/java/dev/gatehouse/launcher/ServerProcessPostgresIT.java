package dev.gatehouse.launcher;

import dev.gatehouse.adapters.jdbc.JdbcStorage;
import dev.gatehouse.ports.out.Storage;
import dev.gatehouse.testkit.postgres.PostgresTestDatabase;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/** The packaged server over PostgreSQL, each test on a fresh schema passed with {@code --jdbc-url}. */
class ServerProcessPostgresIT extends ServerProcessContract {

    private final PostgresTestDatabase database = new PostgresTestDatabase();

    @BeforeEach
    void createSchema(TestInfo test) throws SQLException {
        database.open(test.getTestMethod().orElseThrow().getName());
    }

    @Override
    void dropStore() throws SQLException {
        database.close();
    }

    @Override
    List<String> storageOptions() {
        return List.of("--jdbc-url", database.jdbcUrl(), "--master-key-file", temp.resolve("master.key").toString());
    }

    @Override
    Storage openStore() {
        return JdbcStorage.postgres(database.jdbcUrl());
    }
}
