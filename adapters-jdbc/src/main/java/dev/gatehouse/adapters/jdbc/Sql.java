package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.ports.model.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jdbi.v3.core.argument.Argument;

/**
 * Binds and reads the two column types whose JDBC mapping must not depend on the driver's defaults: UUIDs, and
 * instants as {@code TIMESTAMP WITH TIME ZONE} in UTC (never {@link java.sql.Timestamp}, which drags in the JVM's
 * time zone).
 */
final class Sql {

    private Sql() {
    }

    static Argument uuid(UUID value) {
        return (position, statement, context) -> {
            if (value == null) {
                statement.setNull(position, Types.OTHER);
            } else {
                statement.setObject(position, value);
            }
        };
    }

    static Argument instant(Instant value) {
        return (position, statement, context) -> {
            if (value == null) {
                statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setObject(position, OffsetDateTime.ofInstant(Timestamps.micros(value), ZoneOffset.UTC));
            }
        };
    }

    /**
     * {@code bound} rounded up to the microsecond grid the columns hold, so that comparing a stored value with it
     * gives the same answer as comparing with {@code bound} itself (the database would round half up instead).
     */
    static Argument bound(Instant bound) {
        Instant truncated = Timestamps.micros(bound);
        return instant(truncated.equals(bound) ? truncated : truncated.plus(1, ChronoUnit.MICROS));
    }

    static UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** The UUID in column {@code index} (from 1): by position, which H2 finds without upper-casing a label. */
    static UUID uuid(ResultSet row, int index) throws SQLException {
        return row.getObject(index, UUID.class);
    }

    /** The instant in column {@code index} (from 1). */
    static Instant instant(ResultSet row, int index) throws SQLException {
        OffsetDateTime value = row.getObject(index, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
