package dev.gatehouse.adapters.sqlparser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.gatehouse.ports.model.BusyException;
import dev.gatehouse.ports.model.InvalidInputException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class ParserPoolTest {

    @Test
    void aCheckThatFindsEveryParserBusyIsRefusedRatherThanQueued() throws Exception {
        ParserPool pool = new ParserPool("test-sql-parser", 1, 100, 60_000);
        try (HeldParser held = new HeldParser(pool)) {
            Throwable refused = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> catchThrowable(() -> pool.parse("SELECT 1", parser -> "parsed")));

            assertThat(refused).isInstanceOf(BusyException.class);
            assertThat(refused.getMessage()).contains("try again");
        }
        String parsed = pool.parse("SELECT 1", parser -> "parsed");
        assertThat(parsed).isEqualTo("parsed");
    }

    @Test
    void theTimeBudgetCountsFromWhenTheParseStartsNotFromWhenItWaitedForAParser() throws Exception {
        ParserPool pool = new ParserPool("test-sql-parser", 1, 60_000, 1_000);
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<String> waiting;
            try (HeldParser held = new HeldParser(pool)) {
                waiting = caller.submit(() -> pool.parse("SELECT 1", parser -> {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                    return "parsed";
                }));
                while (!pool.hasWaitingChecks()) {
                    Thread.sleep(5);
                }
                // Longer than the whole budget, so a budget counted from the wait would already be spent.
                Thread.sleep(1_500);
            }

            assertThat(waiting.get(30, TimeUnit.SECONDS)).isEqualTo("parsed");
        } finally {
            caller.shutdownNow();
        }
    }

    @Test
    void aParseThatOutlastsItsBudgetIsRefusedAndFreesItsParser() throws Exception {
        ParserPool pool = new ParserPool("test-sql-parser", 1, 60_000, 200);
        String deep = "SELECT " + "ARRAY[".repeat(20) + "1" + "]".repeat(20);

        Throwable refused = catchThrowable(() -> pool.parse(deep, parser -> parser.Statements()));

        assertThat(refused).isInstanceOf(InvalidInputException.class);
        assertThat(((InvalidInputException) refused).type()).isEqualTo(SqlQueryChecker.TOO_COMPLEX);
        assertThat(refused.getMessage())
                .isEqualTo("The query could not be parsed within 200 milliseconds: simplify it");
        assertThat(pool.parse("SELECT 1", parser -> parser.Statements()).size()).isEqualTo(1);
    }

    /** Holds one of a pool's parsers until closed, as a slow query would; its parse ignores being asked to stop. */
    static final class HeldParser implements AutoCloseable {

        private final CountDownLatch release = new CountDownLatch(1);
        private final ExecutorService caller = Executors.newSingleThreadExecutor();

        HeldParser(ParserPool pool) throws InterruptedException {
            CountDownLatch holding = new CountDownLatch(1);
            caller.submit(() -> pool.parse("SELECT 1", parser -> {
                holding.countDown();
                awaitIgnoringInterrupts(release);
                return null;
            }));
            holding.await();
        }

        @Override
        public void close() {
            release.countDown();
            caller.shutdown();
        }

        private static void awaitIgnoringInterrupts(CountDownLatch latch) {
            while (true) {
                try {
                    latch.await();
                    return;
                } catch (InterruptedException ignored) {
                    // A slow parse does not notice interrupts either.
                }
            }
        }
    }
}
