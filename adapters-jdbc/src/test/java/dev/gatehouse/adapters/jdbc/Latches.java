package dev.gatehouse.adapters.jdbc;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waiting for another unit of work in the race tests, which fail rather than hang when it never comes. */
final class Latches {

    private Latches() {
    }

    /** Waits until {@code latch} opens, or fails the test after 30 s or on an interrupt. */
    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("waited 30 s for the other unit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the other unit", e);
        }
    }
}
