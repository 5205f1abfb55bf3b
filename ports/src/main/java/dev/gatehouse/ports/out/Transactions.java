package dev.gatehouse.ports.out;

import java.util.function.Supplier;

/** Runs a unit of work atomically: every store call inside it commits together, or none does. */
public interface Transactions {

    /**
     * Runs {@code work} in one unit of work and returns its result; a nested call joins the enclosing unit.
     * If {@code work} throws, nothing it wrote remains and the exception propagates unchanged.
     */
    <T> T inTransaction(Supplier<T> work);

    /** Runs {@code work} in one unit of work, as {@link #inTransaction(Supplier)}. */
    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
