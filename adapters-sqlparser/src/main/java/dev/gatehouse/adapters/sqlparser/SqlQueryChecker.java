package dev.gatehouse.adapters.sqlparser;

import dev.gatehouse.ports.model.Characters;
import dev.gatehouse.ports.model.InvalidInputException;
import dev.gatehouse.ports.out.QueryChecker;
import java.util.Locale;
import java.util.Optional;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SetOperationList;

/**
 * Accepts exactly one read-only SELECT, judged by JSqlParser: a plain SELECT, WITH ... SELECT, set operations and
 * subqueries, without INTO, row-locking clauses, data-modifying WITH items or calls of
 * {@linkplain SideEffectingFunctions functions with side effects}. The query is first read as PostgreSQL reads it
 * ({@link PostgresLexer}), which counts its statements and decides where its strings and comments end, so that
 * JSqlParser judges the text PostgreSQL would run. Refusals are {@link InvalidInputException}s on {@code query}
 * carrying the parser's message: {@code sql_invalid} for what does not parse (or is empty, or several statements),
 * {@code sql_not_select} for another kind of statement, {@code sql_not_read_only} for a SELECT that would write, lock
 * or call such a function, {@code string_too_long} beyond {@value #MAX_LENGTH} characters, {@code sql_too_complex}
 * for brackets nested deeper than {@value #MAX_NESTING} or a parse that outlasts its time budget; and a
 * {@link dev.gatehouse.ports.model.BusyException} when every parser stays busy for a second. Found by
 * {@link java.util.ServiceLoader}.
 * Thread-safe; checkers share one {@link ParserPool} unless given their own.
 */
public final class SqlQueryChecker implements QueryChecker {

    static final String FIELD = "query";
    static final String INVALID = "sql_invalid";
    static final String NOT_SELECT = "sql_not_select";
    static final String NOT_READ_ONLY = "sql_not_read_only";
    static final String TOO_COMPLEX = "sql_too_complex";

    /** Far beyond any alert query, in characters (code points) as every other length limit counts them. */
    static final int MAX_LENGTH = 10_000;

    /**
     * How deep brackets and parentheses may nest: alert queries need four or five levels, while JSqlParser's time
     * grows exponentially with the nesting (arrays nested twenty deep took minutes). Below the limit some invalid
     * queries still take seconds, which the parse's time budget bounds.
     */
    static final int MAX_NESTING = 10;

    private final ParserPool parsers;

    /** A checker; public because {@link java.util.ServiceLoader} instantiates providers by this constructor. */
    public SqlQueryChecker() {
        this(ParserPool.SHARED);
    }

    SqlQueryChecker(ParserPool parsers) {
        this.parsers = parsers;
    }

    /** A checker, for callers that wire it by hand. */
    public static SqlQueryChecker create() {
        return new SqlQueryChecker();
    }

    @Override
    public void requireReadOnlySelect(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new InvalidInputException(FIELD, INVALID, "Expected one SELECT statement, but the query is empty");
        }
        if (Characters.count(sql) > MAX_LENGTH) {
            throw new InvalidInputException(FIELD, "string_too_long",
                    "String should have at most " + MAX_LENGTH + " characters");
        }
        LexedQuery lexed = PostgresLexer.lex(sql);
        if (lexed.statements() > 1) {
            throw new InvalidInputException(FIELD, INVALID,
                    "Expected exactly one statement, but the query holds " + lexed.statements());
        }
        Optional<PgToken> tooDeep = lexed.firstBracketDeeperThan(MAX_NESTING);
        if (tooDeep.isPresent()) {
            throw new InvalidInputException(FIELD, TOO_COMPLEX, "Brackets and parentheses nest " + lexed.nesting()
                    + " deep (" + tooDeep.get().at() + "), but at most " + MAX_NESTING + " levels are allowed");
        }
        String text = lexed.textForParser();
        Statements statements = Parsing.statements(parsers, text);
        if (statements.size() != 1) {
            throw new InvalidInputException(FIELD, INVALID, statements.isEmpty()
                    ? "Expected one SELECT statement, but the query holds none"
                    : "Expected exactly one statement, but the query holds " + statements.size());
        }
        Statement statement = statements.get(0);
        if (!isSelect(statement)) {
            String found = "Expected a SELECT query, found " + kind(statement);
            throw new InvalidInputException(FIELD, NOT_SELECT, Parsing.whyNotSelect(parsers, text)
                    .map(parserMessage -> found + ": " + parserMessage)
                    .orElse(found));
        }
        Optional<String> writeOrLock = ReadOnlyRules.firstViolation(Parsing.tokens(text));
        if (writeOrLock.isPresent()) {
            throw new InvalidInputException(FIELD, NOT_READ_ONLY, writeOrLock.get());
        }
        Optional<String> sideEffect = SideEffectingFunctions.firstCall(lexed.tokens());
        if (sideEffect.isPresent()) {
            throw new InvalidInputException(FIELD, NOT_READ_ONLY, sideEffect.get());
        }
    }

    private static boolean isSelect(Statement statement) {
        return statement instanceof PlainSelect
                || statement instanceof SetOperationList
                || statement instanceof ParenthesedSelect;
    }

    /** The statement's kind as SQL names it: {@code DELETE}, {@code CREATE TABLE}, {@code VALUES}. */
    static String kind(Statement statement) {
        String name = statement.getClass().getSimpleName();
        if (name.endsWith("Statement") && name.length() > "Statement".length()) {
            name = name.substring(0, name.length() - "Statement".length());
        }
        return name.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
    }
}
