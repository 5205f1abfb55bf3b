package dev.gatehouse.adapters.jdbc;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.io.TempDir;

/** The migrations on an H2 database file of each test's own, opened by {@link JdbcStorage#h2File}. */
class H2MigrationTest extends MigrationContract {

    @TempDir
    Path directory;

    @Override
    DataSource database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + file());
        return dataSource;
    }

    @Override
    Vendor vendor() {
        return Vendor.H2;
    }

    @Override
    JdbcStorage openStorage() {
        return JdbcStorage.h2File(file());
    }

    private Path file() {
        return directory.resolve("gatehouse").toAbsolutePath();
    }
}
