package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.ports.model.GatehouseException;
import dev.gatehouse.ports.out.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Units of work as database transactions: a unit binds one handle, in one transaction, to the thread that runs it,
 * and every store call on that thread joins it; a store call outside a unit runs on its own. The actions to run
 * after a commit run once the handle is unbound and closed. Thread-safe.
 */
final class JdbcTransactions implements Transactions {

    private static final String SAVEPOINT = "gatehouse_statement";

    private final DataSource dataSource;
    private final Jdbi jdbi;
    private final ThreadLocal<Handle> bound = new ThreadLocal<>();
    private final ThreadLocal<List<Runnable>> afterCommit = new ThreadLocal<>();

    JdbcTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
    }

    /** One read in plain JDBC, not through Jdbi. */
    @FunctionalInterface
    interface ConnectionRead<T> {
        T read(Connection connection) throws SQLException;
    }

    /**
     * Runs one plain JDBC read, for the verification path, where a Jdbi handle and statement cost more than the
     * database's own work: on the unit's connection inside a unit, else auto-committed on a pooled connection.
     */
    <T> T readDirectly(ConnectionRead<T> read) {
        Handle handle = bound.get();
        try {
            if (handle != null) {
                return read.read(handle.getConnection());
            }
            try (Connection own = dataSource.getConnection()) {
                return read.read(own);
            }
        } catch (SQLException failure) {
            throw SqlErrors.storage(failure);
        }
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        if (bound.get() != null) {
            return work.get();
        }
        Handle handle = begin();
        bound.set(handle);
        List<Runnable> actions = new ArrayList<>();
        afterCommit.set(actions);
        boolean committed = false;
        T result;
        try {
            result = work.get();
            commit(handle);
            committed = true;
        } finally {
            bound.remove();
            afterCommit.remove();
            if (!committed) {
                rollbackQuietly(handle);
            }
            closeQuietly(handle);
        }
        Transactions.runCommitActions(actions);
        return result;
    }

    @Override
    public void afterCommit(Runnable action) {
        Objects.requireNonNull(action, "action");
        List<Runnable> actions = afterCommit.get();
        if (actions != null) {
            actions.add(action);
        } else {
            action.run();
        }
    }

    /** Runs reads: on the unit's handle inside a unit, else as auto-committed statements on a handle of their own. */
    <T> T read(HandleCallback<T, RuntimeException> reads) {
        Handle handle = bound.get();
        try {
            if (handle != null) {
                return reads.withHandle(handle);
            }
            try (Handle own = jdbi.open()) {
                return reads.withHandle(own);
            }
        } catch (JdbiException failure) {
            throw SqlErrors.storage(failure);
        }
    }

    /**
     * Runs writes atomically: inside a unit under a savepoint, so that a refused statement (a PostgreSQL transaction
     * would otherwise be aborted) leaves the unit usable and its earlier writes intact; outside a unit in a
     * transaction of their own.
     */
    <T> T write(HandleCallback<T, RuntimeException> writes, Function<RuntimeException, GatehouseException> translate) {
        Handle unit = bound.get();
        if (unit != null) {
            return underSavepoint(unit, writes, translate);
        }
        Handle own = begin();
        boolean committed = false;
        try {
            T result = writes.withHandle(own);
            own.commit();
            committed = true;
            return result;
        } catch (JdbiException failure) {
            throw translate.apply(failure);
        } finally {
            if (!committed) {
                rollbackQuietly(own);
            }
            closeQuietly(own);
        }
    }

    private static <T> T underSavepoint(Handle unit, HandleCallback<T, RuntimeException> writes,
            Function<RuntimeException, GatehouseException> translate) {
        try {
            unit.savepoint(SAVEPOINT);
        } catch (JdbiException failure) {
            throw SqlErrors.storage(failure);
        }
        boolean done = false;
        try {
            T result = writes.withHandle(unit);
            unit.releaseSavepoint(SAVEPOINT);
            done = true;
            return result;
        } catch (JdbiException failure) {
            throw translate.apply(failure);
        } finally {
            if (!done) {
                undoQuietly(unit);
            }
        }
    }

    private Handle begin() {
        Handle handle;
        try {
            handle = jdbi.open();
        } catch (JdbiException failure) {
            throw SqlErrors.storage(failure);
        }
        try {
            return handle.begin();
        } catch (JdbiException failure) {
            closeQuietly(handle);
            throw SqlErrors.storage(failure);
        }
    }

    private static void commit(Handle handle) {
        try {
            handle.commit();
        } catch (JdbiException failure) {
            throw SqlErrors.storage(failure);
        }
    }

    // The cleanups below run while another exception is already propagating, usually because the connection is
    // gone; the database then discards the open transaction itself, and the first failure is the one worth reporting.

    private static void undoQuietly(Handle handle) {
        try {
            handle.rollbackToSavepoint(SAVEPOINT);
            handle.releaseSavepoint(SAVEPOINT);
        } catch (JdbiException ignored) {
            // see above
        }
    }

    private static void rollbackQuietly(Handle handle) {
        try {
            handle.rollback();
        } catch (JdbiException ignored) {
            // see above
        }
    }

    private static void closeQuietly(Handle handle) {
        try {
            handle.close();
        } catch (JdbiException ignored) {
            // see above
        }
    }
}
