package dev.gatehouse.adapters.jdbc;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.io.TempDir;

/** No channel secret at rest in an H2 database file. */
class H2ChannelSecretsAtRestTest extends ChannelSecretsAtRestContract {

    @TempDir
    Path directory;

    @Override
    JdbcStorage openStorage() {
        return JdbcStorage.h2File(file());
    }

    @Override
    DataSource database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + file());
        return dataSource;
    }

    private Path file() {
        return directory.resolve("gatehouse").toAbsolutePath();
    }
}
