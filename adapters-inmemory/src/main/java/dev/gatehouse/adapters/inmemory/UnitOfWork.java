package dev.gatehouse.adapters.inmemory;

import dev.gatehouse.ports.out.Transactions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Units of work over the in-memory tables: a unit holds the write lock of one read-write lock for its whole run,
 * which serializes units, and an undo log restores every table if the outermost unit's work throws. Reads outside
 * a unit share the read lock, so that they run side by side and never see a unit half done; the actions to run
 * after a commit run once the write lock is released. Thread-safe.
 */
final class UnitOfWork implements Transactions {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Deque<Runnable> undoLog = new ArrayDeque<>();
    private final List<Runnable> afterCommit = new ArrayList<>();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        if (lock.getReadHoldCount() > 0) {
            throw new IllegalStateException("a unit of work cannot start inside a read");
        }
        Lock write = lock.writeLock();
        write.lock();
        T result;
        List<Runnable> committed = List.of();
        try {
            boolean outermost = lock.getWriteHoldCount() == 1;
            try {
                result = work.get();
                if (outermost) {
                    undoLog.clear();
                    committed = List.copyOf(afterCommit);
                    afterCommit.clear();
                }
            } catch (Throwable failure) {
                // A nested unit joins the outer one, so only the outermost decides what is undone.
                if (outermost) {
                    rollBack();
                }
                throw failure;
            }
        } finally {
            write.unlock();
        }
        Transactions.runCommitActions(committed);
        return result;
    }

    @Override
    public void afterCommit(Runnable action) {
        Objects.requireNonNull(action, "action");
        if (lock.isWriteLockedByCurrentThread()) {
            afterCommit.add(action);
        } else {
            action.run();
        }
    }

    /** Runs a read: within the unit of this thread if there is one, else under the shared read lock. */
    <T> T read(Supplier<T> reads) {
        if (lock.isWriteLockedByCurrentThread()) {
            return reads.get();
        }
        Lock read = lock.readLock();
        read.lock();
        try {
            return reads.get();
        } finally {
            read.unlock();
        }
    }

    /** Records how to reverse a write just made; only a thread inside a unit may write. */
    void onRollback(Runnable undo) {
        if (!lock.isWriteLockedByCurrentThread()) {
            throw new IllegalStateException("in-memory tables are written only inside a unit of work");
        }
        undoLog.push(undo);
    }

    private void rollBack() {
        afterCommit.clear();
        while (!undoLog.isEmpty()) {
            undoLog.pop().run();
        }
    }
}
