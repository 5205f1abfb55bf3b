package dev.gatehouse.adapters.sqlparser;

import dev.gatehouse.ports.model.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.statement.Statements;

/**
 * JSqlParser behind a time limit, with its messages made fit for a 422: the diagnosis without the list of every
 * token the grammar would have accepted. Thread-safe.
 */
final class Parsing {

    static final long TIME_LIMIT_MILLIS = 5_000;

    /**
     * Parses on these daemon threads rather than JSqlParser's own: {@code parseStatements(String)} starts a thread per
     * call and leaves it running when the SQL does not parse, which would leak one thread per refused query.
     */
    private static final ExecutorService PARSERS = parsers();

    private Parsing() {
    }

    /** The statements of {@code sql}; throws {@code sql_invalid} with the parser's message where it does not parse. */
    static Statements statements(String sql) {
        try {
            Statements statements = CCJSqlParserUtil.parseStatements(sql, PARSERS,
                    parser -> parser.withTimeOut(TIME_LIMIT_MILLIS));
            return statements == null ? new Statements() : statements;
        } catch (JSQLParserException | RuntimeException failure) {
            throw new InvalidInputException(SqlQueryChecker.FIELD, SqlQueryChecker.INVALID, messageOf(failure));
        }
    }

    /** The parser's message on reading {@code sql} as a SELECT, or empty where it reads as one. */
    static Optional<String> whyNotSelect(String sql) {
        Future<?> attempt = PARSERS.submit(() -> {
            CCJSqlParser parser = CCJSqlParserUtil.newParser(sql);
            parser.Select();
            return null;
        });
        try {
            attempt.get(TIME_LIMIT_MILLIS, TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (ExecutionException failure) {
            return Optional.of(messageOf(failure.getCause()));
        } catch (TimeoutException failure) {
            attempt.cancel(true);
            return Optional.empty();
        } catch (InterruptedException failure) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The tokens of {@code sql} as the parser's lexer reads them, comments left out. */
    static List<Token> tokens(String sql) {
        CCJSqlParser parser = CCJSqlParserUtil.newParser(sql);
        List<Token> tokens = new ArrayList<>();
        for (Token token = parser.getNextToken(); token.kind != CCJSqlParserConstants.EOF;
                token = parser.getNextToken()) {
            tokens.add(token);
        }
        return tokens;
    }

    /**
     * The innermost message in {@code failure}'s causes (the parser's own, below the wrappers that repeat it), up to
     * the list of expected tokens, on one line.
     */
    static String messageOf(Throwable failure) {
        String message = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getMessage();
            }
        }
        if (message == null) {
            return "The query could not be parsed";
        }
        int expected = message.indexOf("Was expecting");
        if (expected >= 0) {
            message = message.substring(0, expected);
        }
        return message.replaceAll("\\s+", " ").strip();
    }

    private static ExecutorService parsers() {
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "gatehouse-sql-parser");
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
