package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.ports.model.ConflictException;
import dev.gatehouse.ports.model.GatehouseException;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.StorageException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

/**
 * Turns driver failures into the exceptions the ports promise, by SQLState rather than by driver class, so that H2
 * and PostgreSQL fail alike. Messages are written here, never copied from the driver: a driver message can quote
 * the statement and its values.
 */
final class SqlErrors {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    /** H2 reports a missing parent row under its own code rather than 23503. */
    private static final String H2_PARENT_MISSING = "23506";

    private SqlErrors() {
    }

    /**
     * The port-level exception for {@code failure}.
     *
     * @param conflicts the conflict message per unique constraint or index name (lower case), for violations the
     *     driver attributes to one of them
     * @param conflict the conflict message for any other unique violation (in practice a taken id)
     * @param notFound the message for a missing referenced row
     */
    static GatehouseException translate(
            RuntimeException failure, Map<String, String> conflicts, String conflict, String notFound) {
        SQLException sql = sqlException(failure);
        String state = sql == null ? null : sql.getSQLState();
        if (UNIQUE_VIOLATION.equals(state)) {
            return new ConflictException(conflictMessage(sql, conflicts, conflict), failure);
        }
        if (FOREIGN_KEY_VIOLATION.equals(state) || H2_PARENT_MISSING.equals(state)) {
            return new NotFoundException(notFound);
        }
        return storage(failure);
    }

    /** The exception for a failure that no data can explain: a lost connection, a full disk, a closed pool. */
    static StorageException storage(Throwable failure) {
        SQLException sql = sqlException(failure);
        String state = sql == null ? null : sql.getSQLState();
        String suffix = state == null ? "" : " (SQLState " + state + ")";
        if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
            return new StorageException("the database connection failed or was lost; nothing was written" + suffix,
                    failure);
        }
        if (state != null && state.startsWith("40")) {
            return new StorageException("the database aborted the transaction (a deadlock or serialization"
                    + " failure); nothing was written and the operation may be retried" + suffix, failure);
        }
        return new StorageException("the database operation failed; nothing was written" + suffix, failure);
    }

    private static String conflictMessage(SQLException sql, Map<String, String> conflicts, String fallback) {
        String text = String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
        return conflicts.entrySet().stream()
                .filter(entry -> text.contains(entry.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(fallback);
    }

    /** The first SQLException in the cause chain that carries a SQLState, else the first one at all. */
    private static SQLException sqlException(Throwable failure) {
        SQLException first = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (next.getSQLState() != null) {
                        return next;
                    }
                }
                first = first == null ? sql : first;
            }
        }
        return first;
    }
}
