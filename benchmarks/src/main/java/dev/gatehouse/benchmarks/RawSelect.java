package dev.gatehouse.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * A baseline for the database's own share of a lookup: one row of the credentials table selected with a plain
 * {@code PreparedStatement} on a pooled connection, every column read; immutable and thread-safe.
 */
final class RawSelect {

    private final DataSource pool;
    private final String sql;
    private final int columns;

    private RawSelect(DataSource pool, String sql, int columns) {
        this.pool = pool;
        this.sql = sql;
        this.columns = columns;
    }

    /**
     * A select of {@code SELECT * FROM credentials WHERE <column> = ?}, whose columns are counted once, with
     * {@code example}, so that the measured calls do not pay for metadata.
     */
    static RawSelect byColumn(DataSource pool, String column, Object example) {
        String sql = "SELECT * FROM credentials WHERE " + column + " = ?";
        try (Connection connection = pool.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, example);
            try (ResultSet row = select.executeQuery()) {
                return new RawSelect(pool, sql, row.getMetaData().getColumnCount());
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("cannot read the credentials table: " + failure.getMessage(), failure);
        }
    }

    /**
     * Borrows a connection, selects the row whose column is {@code key}, hands every column to {@code sink} (a JMH
     * blackhole or a {@link Sink}, so that no read is optimised away), gives the connection back.
     *
     * @throws IllegalStateException if the select fails or finds no row
     */
    void run(Object key, Consumer<Object> sink) {
        try (Connection connection = pool.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("a benchmark credential is missing");
                }
                for (int column = 1; column <= columns; column++) {
                    sink.accept(row.getObject(column));
                }
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("the plain select failed: " + failure.getMessage(), failure);
        }
    }
}
