package dev.gatehouse.testkit;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.gatehouse.ports.out.Transactions;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Races two units of work over one row, each reading it with a store's {@code findByIdForUpdate}. */
final class LockingReads {

    /** How long the second read must stay blocked while the first unit holds the row: long enough to be sure. */
    private static final Duration HELD = Duration.ofMillis(300);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private LockingReads() {
    }

    /**
     * Runs a unit that reads the row with {@code lockingRead}, waits, then writes it with {@code write}; meanwhile a
     * second unit on another thread reads the same row with {@code lockingRead}, which must not return while the first
     * unit is open; returns what that second read saw once the first unit committed (nothing, where the write took the
     * row out of the read's reach).
     */
    static <T> Optional<T> secondReadAfterFirstCommits(Transactions transactions, Supplier<Optional<T>> lockingRead,
            Consumer<T> write) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch secondStarting = new CountDownLatch(1);
        try {
            Future<?> first = threads.submit(() -> transactions.run(() -> {
                T row = lockingRead.get().orElseThrow();
                locked.countDown();
                await(release, "the test never released the first unit");
                write.accept(row);
            }));
            await(locked, "the first unit never read the row");
            Future<Optional<T>> second = threads.submit(() -> {
                secondStarting.countDown();
                return transactions.inTransaction(lockingRead);
            });
            await(secondStarting, "the second unit never started");

            assertThatExceptionOfType(TimeoutException.class)
                    .as("the second locking read returned while the first unit still held the row")
                    .isThrownBy(() -> second.get(HELD.toMillis(), TimeUnit.MILLISECONDS));

            release.countDown();
            first.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return second.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            release.countDown();
            threads.shutdownNow();
            threads.awaitTermination(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static void await(CountDownLatch latch, String failure) {
        try {
            if (!latch.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(failure + " within " + TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(failure + ": interrupted", e);
        }
    }
}
