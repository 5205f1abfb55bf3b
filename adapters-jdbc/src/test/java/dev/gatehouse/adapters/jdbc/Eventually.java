package dev.gatehouse.adapters.jdbc;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits, polling every 20 ms, for something another thread or instance brings about. */
final class Eventually {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private Eventually() {
    }

    /** Returns once {@code condition} holds; fails naming {@code what} after 10 seconds. */
    static void awaitTrue(BooleanSupplier condition, String what) {
        awaitTrue(condition, what, PATIENCE);
    }

    /** Returns once {@code condition} holds; fails naming {@code what} after {@code patience}. */
    static void awaitTrue(BooleanSupplier condition, String what, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + patience.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, interrupted);
            }
        }
    }
}
