package dev.gatehouse.ports.out;

import java.util.List;
import java.util.function.Supplier;

/** Runs a unit of work atomically: every store call inside it commits together, or none does. */
public interface Transactions {

    /**
     * Runs {@code work} in one unit of work and returns its result; a nested call joins the enclosing unit.
     * If {@code work} throws, nothing it wrote remains and the exception propagates unchanged.
     */
    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs {@code action} once the unit of work open on this thread has committed and released what it holds (its
     * locks, its connection), at once where no unit is open, and never where the unit rolls back; an action given
     * in a nested unit waits for the outermost one. This is where a change is made visible outside the store, such
     * as by forgetting cached copies, which may wait for threads that wait for the store. After a commit the actions
     * run on the committing thread in the order given, before its call returns; if one throws, the later ones still
     * run and the first failure propagates, though the unit stays committed.
     */
    void afterCommit(Runnable action);

    /**
     * Runs a committed unit's {@code actions} as {@link #afterCommit} promises, for the implementations: each in
     * order, even after one throws, then rethrows the first failure with the later ones suppressed.
     */
    static void runCommitActions(List<Runnable> actions) {
        RuntimeException first = null;
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException failure) {
                if (first == null) {
                    first = failure;
                } else {
                    first.addSuppressed(failure);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Runs {@code work} in one unit of work, as {@link #inTransaction(Supplier)}. */
    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
