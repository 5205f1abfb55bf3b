package dev.gatehouse.adapters.sqlparser;

import dev.gatehouse.ports.model.BusyException;
import dev.gatehouse.ports.model.InvalidInputException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.ParseException;

/**
 * Runs JSqlParser on a few daemon threads, one parse per thread at a time: each parse gets its time budget from the
 * moment it starts, and a check that finds every thread busy for longer than the admission wait is refused with a
 * {@link BusyException} (a 503 that may be retried) rather than queued, so that slow queries cannot make every other check wait. Parsing runs on
 * these threads rather than the caller's so that the caller gets its answer when the budget ends, whether or not the
 * parser has stopped yet. Thread-safe.
 */
final class ParserPool {

    static final long TIME_LIMIT_MILLIS = 5_000;
    static final long ADMISSION_WAIT_MILLIS = 1_000;

    /** The pool every checker shares: one parser per core, at least two. */
    static final ParserPool SHARED = new ParserPool("gatehouse-sql-parser",
            Math.max(2, Runtime.getRuntime().availableProcessors()), ADMISSION_WAIT_MILLIS, TIME_LIMIT_MILLIS);

    private final Semaphore idleParsers;
    private final ExecutorService threads;
    private final long admissionWaitMillis;
    private final long budgetMillis;

    ParserPool(String threadName, int parsers, long admissionWaitMillis, long budgetMillis) {
        this.idleParsers = new Semaphore(parsers, true);
        this.admissionWaitMillis = admissionWaitMillis;
        this.budgetMillis = budgetMillis;
        ThreadPoolExecutor pool = new ThreadPoolExecutor(parsers, parsers, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(parsers), runnable -> {
                    Thread thread = new Thread(runnable, threadName);
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        this.threads = pool;
    }

    /** What a parse does with a parser armed with the query. */
    @FunctionalInterface
    interface Step<T> {
        T run(CCJSqlParser parser) throws ParseException;
    }

    /**
     * The outcome of {@code step} on a parser of {@code sql}, with simple parsing and then, where that fails, with
     * JSqlParser's complex parsing (which {@code substring(a FROM 1 FOR 2)} needs), both within one time budget;
     * throws the parser's failure as a {@link JSQLParserException}, and a {@link BusyException} or
     * {@code sql_too_complex} where it found no idle parser or ran out of time.
     */
    <T> T parse(String sql, Step<T> step) throws JSQLParserException {
        admit();
        Attempts attempts = new Attempts(sql);
        AtomicBoolean claimed = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        Future<T> outcome;
        try {
            outcome = threads.submit(() -> {
                if (!claimed.compareAndSet(false, true)) {
                    return null;
                }
                started.countDown();
                try {
                    return attempts.run(step);
                } finally {
                    idleParsers.release();
                }
            });
        } catch (RejectedExecutionException full) {
            idleParsers.release();
            throw busy();
        }
        try {
            if (!started.await(budgetMillis, TimeUnit.MILLISECONDS) && claimed.compareAndSet(false, true)) {
                idleParsers.release();
                throw busy();
            }
            return outcome.get(budgetMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException failure) {
            throw new JSQLParserException(failure.getCause());
        } catch (TimeoutException tooLong) {
            attempts.stop();
            outcome.cancel(true);
            throw new InvalidInputException(SqlQueryChecker.FIELD, SqlQueryChecker.TOO_COMPLEX,
                    "The query could not be parsed within " + budget() + ": simplify it");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            if (claimed.compareAndSet(false, true)) {
                idleParsers.release();
            } else {
                attempts.stop();
                outcome.cancel(true);
            }
            throw busy();
        }
    }

    /** Whether a check is waiting for an idle parser. */
    boolean hasWaitingChecks() {
        return idleParsers.hasQueuedThreads();
    }

    private void admit() {
        try {
            if (idleParsers.tryAcquire(admissionWaitMillis, TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        throw busy();
    }

    private String budget() {
        if (budgetMillis % 1000 != 0) {
            return budgetMillis + " milliseconds";
        }
        return budgetMillis == 1000 ? "1 second" : budgetMillis / 1000 + " seconds";
    }

    private static BusyException busy() {
        return new BusyException("Too many alert queries are being checked at once: try again in a moment");
    }

    /** The parsers one check uses in turn, which its caller can stop from another thread. Thread-safe. */
    private static final class Attempts {

        private final String sql;
        private volatile boolean stopped;
        private volatile CCJSqlParser current;

        Attempts(String sql) {
            this.sql = sql;
        }

        <T> T run(Step<T> step) throws ParseException {
            try {
                return step.run(begin(false));
            } catch (ParseException simpleParsingFailed) {
                return step.run(begin(true));
            }
        }

        private CCJSqlParser begin(boolean complex) {
            CCJSqlParser parser = new FastFailingParser(sql, complex);
            current = parser;
            if (stopped) {
                parser.interrupted = true;
            }
            return parser;
        }

        /** Asks the parser to give up: it checks this flag between decisions, and its thread frees up soon after. */
        void stop() {
            stopped = true;
            CCJSqlParser parser = current;
            if (parser != null) {
                parser.interrupted = true;
            }
        }
    }
}
