package dev.gatehouse.adapters.inmemory;

import dev.gatehouse.ports.out.Transactions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Units of work over the in-memory tables: one fair lock held for the whole unit serializes them, and an undo log
 * restores every table if the outermost unit's work throws. Thread-safe.
 */
final class UnitOfWork implements Transactions {

    private final ReentrantLock lock = new ReentrantLock(true);
    private final Deque<Runnable> undoLog = new ArrayDeque<>();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        lock.lock();
        try {
            boolean outermost = lock.getHoldCount() == 1;
            try {
                T result = work.get();
                if (outermost) {
                    undoLog.clear();
                }
                return result;
            } catch (Throwable failure) {
                // A nested unit joins the outer one, so only the outermost decides what is undone.
                if (outermost) {
                    rollBack();
                }
                throw failure;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Records how to reverse a write just made; only a thread inside a unit may write. */
    void onRollback(Runnable undo) {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("in-memory tables are written only inside a unit of work");
        }
        undoLog.push(undo);
    }

    private void rollBack() {
        while (!undoLog.isEmpty()) {
            undoLog.pop().run();
        }
    }
}
