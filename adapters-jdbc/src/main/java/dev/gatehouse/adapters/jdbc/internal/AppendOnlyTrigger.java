package dev.gatehouse.adapters.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * The H2 trigger that keeps the audit log append-only: it refuses every row an {@code UPDATE} or {@code DELETE}
 * (or a {@code MERGE} that would update) touches, whoever issues it. Public only because H2 instantiates triggers
 * by class name; internal API. Thread-safe: it holds no state.
 */
public final class AppendOnlyTrigger implements Trigger {

    /** The SQLState of the refusal, {@code insufficient_privilege}, as the PostgreSQL trigger reports it too. */
    public static final String REFUSED = "42501";

    /** Refuses the change. */
    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("the audit log is append-only: its rows cannot be updated or deleted", REFUSED);
    }
}
