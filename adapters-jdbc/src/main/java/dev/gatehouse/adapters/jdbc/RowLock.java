package dev.gatehouse.adapters.jdbc;

import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Locks one row by its {@code id} until the handle's transaction ends, in a statement of its own, so that the reads
 * after it see what a unit that held the lock before committed, in the row's child tables too.
 */
final class RowLock {

    private RowLock() {
    }

    /** Locks the row of {@code table} (a name from code, never from input) with {@code id}; whether it exists. */
    static boolean lock(Handle handle, String table, UUID id) {
        return handle.createQuery("SELECT id FROM " + table + " WHERE id = :id FOR UPDATE")
                .bind("id", Sql.uuid(id))
                .map((row, context) -> Sql.uuid(row, "id"))
                .findOne()
                .isPresent();
    }
}
