package dev.gatehouse.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntConsumer;

/** Runs the same task on several threads released at once, bounded in time, and collects what each thread got. */
final class Concurrently {

    static final int THREADS = 8;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Concurrently() {
    }

    /** Runs {@code task} with indexes {@code 0..threads-1}, one thread each, all released together. */
    static Outcomes run(int threads, IntConsumer task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    if (!start.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                        throw new TimeoutException("never released");
                    }
                    task.accept(index);
                    return null;
                }));
            }
            if (!ready.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the threads did not start within " + TIMEOUT);
            }
            start.countDown();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            List<Throwable> failures = new ArrayList<>();
            int succeeded = 0;
            for (Future<?> future : futures) {
                try {
                    future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    succeeded++;
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                } catch (TimeoutException e) {
                    throw new AssertionError("a thread did not finish within " + TIMEOUT, e);
                }
            }
            return new Outcomes(succeeded, List.copyOf(failures));
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** How many threads returned normally, and what the others threw. */
    record Outcomes(int succeeded, List<Throwable> failures) {
    }
}
