package dev.gatehouse.adapters.jdbc;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.io.TempDir;

/** The audit log's append-only triggers on an H2 database file of each test's own. */
class H2AuditLogAppendOnlyTest extends AuditLogAppendOnlyContract {

    @TempDir
    Path directory;

    @Override
    DataSource database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + file());
        return dataSource;
    }

    @Override
    JdbcStorage openStorage() {
        return JdbcStorage.h2File(file());
    }

    private Path file() {
        return directory.resolve("gatehouse").toAbsolutePath();
    }
}
