package dev.gatehouse.adapters.sqlparser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.gatehouse.ports.model.BusyException;
import dev.gatehouse.ports.model.InvalidInputException;
import dev.gatehouse.ports.out.QueryChecker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SqlQueryCheckerTest {

    private final QueryChecker checker = SqlQueryChecker.create();

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT 1",
        "select count(*) from records where start_timestamp > now() - interval '5 minutes'",
        "SELECT 1;",
        "  SELECT level, message FROM records WHERE level >= 'error'  ",
        "WITH recent AS (SELECT * FROM records WHERE is_exception) SELECT count(*) FROM recent",
        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT * FROM r",
        "SELECT a FROM t UNION SELECT b FROM u",
        "SELECT a FROM t UNION ALL SELECT b FROM u EXCEPT SELECT c FROM v",
        "(SELECT 1) UNION (SELECT 2)",
        "(SELECT 1)",
        "SELECT * FROM t WHERE a IN (SELECT b FROM u) AND EXISTS (SELECT 1 FROM v WHERE v.id = t.id)",
        "SELECT * FROM (SELECT a, b FROM t) s JOIN LATERAL (SELECT * FROM u WHERE u.a = s.a) l ON true",
        "SELECT attributes->>'http.status', sum(duration) OVER (PARTITION BY service_name ORDER BY start_timestamp)"
                + " FROM records GROUP BY 1 HAVING count(*) > 1 ORDER BY 2 DESC NULLS LAST LIMIT 10 OFFSET 5",
        "SELECT count(*) FILTER (WHERE level = 'error') FROM records",
        "SELECT * FROM (VALUES (1), (2)) AS v(x)",
        "SELECT DISTINCT ON (a) a, b FROM t ORDER BY a, b",
        "SELECT substring(message FROM 1 FOR 20) FROM records",
        "SELECT 'DELETE FROM t; INSERT INTO u VALUES (1) FOR UPDATE' AS text",
        "SELECT \"update\", \"into\" FROM t",
        "SELECT 1 -- FOR UPDATE INTO x",
        "/* DROP TABLE t; */ SELECT 1",
        "SELECT CASE WHEN a > 1 THEN 'x' ELSE 'y' END, CAST(b AS int), c::text FROM t",
        "SELECT * FROM t WHERE a = ? AND b = :name",
    })
    void aReadOnlySelectIsAccepted(String sql) {
        assertThatCode(() -> checker.requireReadOnlySelect(sql)).doesNotThrowAnyException();
    }

    @Test
    void whatDoesNotParseIsRefusedWithTheParsersMessage() {
        assertRefused("SELEC 1", SqlQueryChecker.INVALID, "Encountered unexpected token: \"SELEC\"", "line 1, column 1");
        assertRefused("SELECT FROM WHERE", SqlQueryChecker.INVALID, "Encountered unexpected token");
        assertRefused("SELECT * FROM t WHERE", SqlQueryChecker.INVALID, "Encountered unexpected token");
        assertRefused("SELECT 'unterminated", SqlQueryChecker.INVALID,
                "unterminated quoted string starting at line 1, column 8");
        assertRefused(";", SqlQueryChecker.INVALID, "Encountered unexpected token");
    }

    @Test
    void aQueryOfAtMostTenThousandCharactersIsJudgedAndALongerOneRefused() {
        assertThatCode(() -> checker.requireReadOnlySelect("SELECT 1" + " ".repeat(10_000 - 8)))
                .doesNotThrowAnyException();
        assertThatCode(() -> checker.requireReadOnlySelect("SELECT '" + "\uD83D\uDE00".repeat(9_991) + "'"))
                .doesNotThrowAnyException();

        assertRefused("SELECT 1" + " ".repeat(10_000 - 7), "string_too_long",
                "String should have at most 10000 characters");
    }

    @Test
    void bracketsNestedTenDeepAreJudgedAndElevenDeepRefused() {
        assertThatCode(() -> checker.requireReadOnlySelect("SELECT " + "(".repeat(10) + "1" + ")".repeat(10)))
                .doesNotThrowAnyException();
        assertThatCode(() -> checker.requireReadOnlySelect(
                "SELECT '((((((((((((' AS \"[[[[[[[[[[[[\" FROM t -- ((((((((((((")).doesNotThrowAnyException();

        assertRefused("SELECT " + "(".repeat(11) + "1" + ")".repeat(11), SqlQueryChecker.TOO_COMPLEX,
                "Brackets and parentheses nest 11 deep (at line 1, column 18), but at most 10 levels are allowed");
    }

    @Test
    void arraysNestedTwentyDeepAreRefusedWithoutWaitingForAParser() throws Exception {
        ParserPool pool = new ParserPool("test-sql-parser", 1, 100, 60_000);
        QueryChecker busyChecker = new SqlQueryChecker(pool);
        String nested = "SELECT " + "ARRAY[".repeat(20) + "1" + "]".repeat(20);

        try (ParserPoolTest.HeldParser held = new ParserPoolTest.HeldParser(pool)) {
            InvalidInputException refusal = refusal(busyChecker, nested);

            assertThat(refusal.type()).isEqualTo(SqlQueryChecker.TOO_COMPLEX);
            assertThat(refusal.getMessage()).startsWith("Brackets and parentheses nest 20 deep (at line 1, column 73)");
        }
    }

    @Test
    void anInvalidQueryNestedAFewDeepIsRefusedWithTheParsersMessageRatherThanATimeOut() {
        assertRefused("SELECT ARRAY[ARRAY[ARRAY[1 1]]]", SqlQueryChecker.INVALID,
                "Encountered unexpected token: \"1\"", "at line 1, column 28");
    }

    @Test
    void aValidQueryIsJudgedWhileAnotherQueryHoldsAParser() throws Exception {
        ParserPool pool = new ParserPool("test-sql-parser", 2, 100, 60_000);
        QueryChecker sharingChecker = new SqlQueryChecker(pool);

        try (ParserPoolTest.HeldParser held = new ParserPoolTest.HeldParser(pool)) {
            assertThatCode(() -> sharingChecker.requireReadOnlySelect(
                    "SELECT service_name, count(*) FROM records WHERE is_exception GROUP BY 1"))
                    .doesNotThrowAnyException();
            assertThat(refusal(sharingChecker, "DELETE FROM records").type()).isEqualTo(SqlQueryChecker.NOT_SELECT);
        }
    }

    @Test
    void whileEveryParserIsHeldACheckIsRefusedAsBusyAndOnceOneIsFreeItIsJudged() throws Exception {
        ParserPool pool = new ParserPool("test-sql-parser", 1, 100, 60_000);
        QueryChecker busyChecker = new SqlQueryChecker(pool);
        String query = "SELECT count(*) FROM records";

        try (ParserPoolTest.HeldParser held = new ParserPoolTest.HeldParser(pool)) {
            Throwable refusal = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> catchThrowable(() -> busyChecker.requireReadOnlySelect(query)));

            assertThat(refusal).isInstanceOf(BusyException.class).hasMessageContaining("try again");
        }
        assertThatCode(() -> busyChecker.requireReadOnlySelect(query)).doesNotThrowAnyException();
    }

    @Test
    void theParsersMessageLeavesOutTheListOfExpectedTokens() {
        InvalidInputException refusal = refusal("SELEC 1");

        assertThat(refusal.getMessage()).doesNotContain("Was expecting").doesNotContain("\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t", "-- only a comment", "/* nothing */"})
    void anEmptyQueryIsRefused(String sql) {
        assertRefused(sql, SqlQueryChecker.INVALID, "Expected one SELECT statement");
    }

    @Test
    void aNullQueryIsRefused() {
        assertRefused(null, SqlQueryChecker.INVALID, "the query is empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT 1; SELECT 2", "SELECT 1; DELETE FROM t", "SELECT 1;;SELECT 2;"})
    void severalStatementsAreRefused(String sql) {
        assertRefused(sql, SqlQueryChecker.INVALID, "Expected exactly one statement, but the query holds 2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "SELECT E'\\' AS x, '; DELETE FROM records; -- '               | 2",
        "SELECT e'\\' AS x, '; DELETE FROM records; -- '               | 2",
        "SELECT $a$ = ' $a$; DELETE FROM t; SELECT $a$ ' $a$           | 3",
        "SELECT $$ ' $$; DELETE FROM t; -- '                          | 2",
        "SELECT $a$ $b$ $a$; DELETE FROM t; -- $b$                    | 2",
        "SELECT \"x\"\"\"; DELETE FROM t; -- \"                          | 2",
        "SELECT 1 /* a /* b */ c */; DELETE FROM t                    | 2",
        "SELECT N'\\'; DELETE FROM t; -- '                             | 2",
    })
    void statementsHiddenFromJSqlParserAreCountedAsPostgresqlReadsThem(String sql, int statements) {
        assertRefused(sql, SqlQueryChecker.INVALID,
                "Expected exactly one statement, but the query holds " + statements);
    }

    @Test
    void aStandardStringGoesOnAfterANewlineAsAStandardStringAndAnEscapeStringAsAnEscapeString() {
        assertRefused("SELECT 'a'\n'\\'; DELETE FROM t; -- '", SqlQueryChecker.INVALID, "the query holds 2");
        assertThatCode(() -> checker.requireReadOnlySelect("SELECT E'a'\n'\\'; DELETE FROM t; -- '"))
                .doesNotThrowAnyException();
        assertThatCode(() -> checker.requireReadOnlySelect("SELECT E'a' -- note\n  -- more\n'\\'; x'"))
                .doesNotThrowAnyException();
        assertRefused("SELECT E'a' '\\'; DELETE FROM t; -- '", SqlQueryChecker.INVALID, "the query holds 2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "SELECT 1 /*                     | unterminated /* comment starting at line 1, column 10",
        "SELECT 1 /* a /* b */           | unterminated /* comment starting at line 1, column 10",
        "SELECT $$abc                    | unterminated dollar-quoted string starting at line 1, column 8",
        "SELECT $tag$abc $TAG$           | unterminated dollar-quoted string starting at line 1, column 8",
        "SELECT E'abc\\'                 | unterminated quoted string starting at line 1, column 8",
        "SELECT 'it''s                   | unterminated quoted string starting at line 1, column 8",
        "SELECT \"abc                    | unterminated quoted identifier starting at line 1, column 8",
    })
    void anUnterminatedStringIdentifierOrCommentIsRefused(String sql, String message) {
        assertRefused(sql, SqlQueryChecker.INVALID, message);
    }

    @Test
    void theUnterminatedPartIsPlacedOnItsLine() {
        assertRefused("SELECT a\nFROM t\r\nWHERE b = $x$", SqlQueryChecker.INVALID,
                "unterminated dollar-quoted string starting at line 3, column 11");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT ';'",
        "SELECT $$a;b$$",
        "SELECT $tag$ ; 'x' $a$ ; $tag$ AS body",
        "SELECT E'it''s'",
        "SELECT E'it\\'s; still one string'",
        "SELECT 'C:\\'",
        "SELECT U&'d\\0061t;a'",
        "SELECT \"a;b\"\"c\" FROM t",
        "SELECT 1 -- a; b",
        "/* ; */ SELECT 1",
        "SELECT 1 /* a /* ; */ b; */",
        "SELECT 1 ; -- done",
        "SELECT a$b FROM t WHERE c = $1",
        "SELECT 1e3, .5, 2.5e-3",
    })
    void semicolonsInsideStringsIdentifiersAndCommentsAreNotStatements(String sql) {
        assertThatCode(() -> checker.requireReadOnlySelect(sql)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "SELECT E'\\' ' INTO evil FROM t -- '      | INTO writes the result into a table",
        "SELECT $a$ $a$ FROM t FOR UPDATE -- '     | FOR UPDATE locks rows",
        "SELECT 'x' AS y /* /* */ */ FOR UPDATE    | FOR UPDATE locks rows",
    })
    void whatPostgresqlWouldRunOutsideAStringIsJudged(String sql, String violation) {
        assertRefused(sql, SqlQueryChecker.NOT_READ_ONLY, violation);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT a FROM t // FOR UPDATE", "SELECT a FROM t ` FOR UPDATE `"})
    void operatorCharactersJSqlParserTakesForACommentOrAQuoteHideNothing(String sql) {
        assertThat(refusal(sql).type()).isIn(SqlQueryChecker.INVALID, SqlQueryChecker.NOT_READ_ONLY);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "INSERT INTO t VALUES (1)                                    | INSERT",
        "INSERT INTO t SELECT * FROM u                               | INSERT",
        "UPDATE t SET a = 1                                          | UPDATE",
        "DELETE FROM t WHERE a = 1                                   | DELETE",
        "MERGE INTO t USING u ON t.a = u.a WHEN MATCHED THEN DELETE  | MERGE",
        "CREATE TABLE t (a int)                                      | CREATE TABLE",
        "CREATE VIEW v AS SELECT 1                                   | CREATE VIEW",
        "DROP TABLE t                                                | DROP",
        "ALTER TABLE t ADD COLUMN b int                              | ALTER",
        "TRUNCATE t                                                  | TRUNCATE",
        "CALL p()                                                    | EXECUTE",
        "EXPLAIN SELECT 1                                            | EXPLAIN",
        "SET search_path = x                                         | SET",
        "COMMIT                                                      | COMMIT",
        "TABLE t                                                     | TABLE",
        "WITH d AS (SELECT 1) DELETE FROM t                          | DELETE",
    })
    void everyOtherKindOfStatementIsRefusedWithTheParsersMessage(String sql, String kind) {
        InvalidInputException refusal = refusal(sql);

        assertThat(refusal.type()).isEqualTo(SqlQueryChecker.NOT_SELECT);
        assertThat(refusal.getMessage())
                .startsWith("Expected a SELECT query, found " + kind + ": ")
                .contains("Encountered unexpected token")
                .contains("at line 1, column ");
    }

    @Test
    void aTopLevelValuesListIsNotASelect() {
        assertRefused("VALUES (1), (2)", SqlQueryChecker.NOT_SELECT, "Expected a SELECT query, found VALUES");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * INTO copy FROM t",
        "select a into x from t",
        "SELECT 1 INTO x",
    })
    void selectIntoIsRefused(String sql) {
        assertRefused(sql, SqlQueryChecker.NOT_READ_ONLY, "INTO writes the result into a table", "at line 1, column ");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SELECT * FROM t FOR UPDATE                                             | FOR UPDATE",
        "SELECT * FROM t FOR UPDATE SKIP LOCKED                                 | FOR UPDATE",
        "SELECT * FROM t FOR UPDATE NOWAIT                                      | FOR UPDATE",
        "SELECT * FROM t for share                                              | FOR SHARE",
        "SELECT * FROM t FOR NO KEY UPDATE                                      | FOR NO KEY UPDATE",
        "SELECT * FROM t FOR KEY SHARE                                          | FOR KEY SHARE",
        "SELECT a FROM t UNION SELECT b FROM u FOR UPDATE                       | FOR UPDATE",
        "SELECT * FROM (SELECT * FROM t FOR UPDATE) s                           | FOR UPDATE",
        "SELECT * FROM t WHERE a IN (SELECT b FROM u FOR UPDATE)                | FOR UPDATE",
        "SELECT a FROM t ORDER BY (SELECT x FROM u FOR UPDATE)                  | FOR UPDATE",
        "SELECT a FROM t GROUP BY (SELECT x FROM u FOR SHARE)                   | FOR SHARE",
        "SELECT sum(a) OVER (PARTITION BY (SELECT x FROM u FOR UPDATE)) FROM t  | FOR UPDATE",
        "SELECT count(*) FILTER (WHERE a = (SELECT x FROM u FOR UPDATE)) FROM t | FOR UPDATE",
        "SELECT a FROM t ORDER BY a LIMIT 1 OFFSET (SELECT x FROM u FOR UPDATE) | FOR UPDATE",
        "WITH w AS (SELECT x FROM u FOR UPDATE) SELECT * FROM w                 | FOR UPDATE",
    })
    void rowLockingClausesAreRefusedWhereverTheySit(String sql, String clause) {
        assertRefused(sql, SqlQueryChecker.NOT_READ_ONLY, clause + " locks rows", "at line 1, column ");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d                                | DELETE",
        "WITH u AS (UPDATE t SET a = 1 RETURNING *) SELECT * FROM u                           | UPDATE",
        "WITH i AS (INSERT INTO t VALUES (1) RETURNING *) SELECT * FROM i                     | INSERT",
        "WITH d AS MATERIALIZED (DELETE FROM t RETURNING *) SELECT * FROM d                   | DELETE",
        "WITH x AS (SELECT 1), d AS (DELETE FROM t RETURNING 1) SELECT * FROM x               | DELETE",
        "SELECT * FROM (WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d) s              | DELETE",
        "SELECT * FROM t WHERE x = (WITH d AS (DELETE FROM t RETURNING 1) SELECT 1 FROM d)    | DELETE",
    })
    void dataModifyingWithItemsAreRefused(String sql, String statement) {
        InvalidInputException refusal = refusal(sql);

        assertThat(refusal.type()).isEqualTo(SqlQueryChecker.NOT_READ_ONLY);
        assertThat(refusal.getMessage()).contains("modifies data").contains(statement)
                .contains("only a read-only SELECT is allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT pg_sleep(100)",
        "SELECT set_config('statement_timeout','0',false)",
        "SELECT pg_advisory_lock(1)",
        "SELECT * FROM lo_import('/etc/passwd')",
        "SELECT pg_read_file('/etc/passwd')",
        "SELECT dblink_exec('dbname=x','DELETE FROM t')",
        "SELECT setval('s',1)",
        "SELECT nextval('s')",
        "SELECT pg_terminate_backend(1)",
        "SELECT pg_reload_conf()",
        "SELECT pg_sleep_for('1 minute'), pg_sleep_until(now())",
        "SELECT pg_try_advisory_lock(1), pg_advisory_xact_lock(2)",
        "SELECT pg_read_binary_file('x'), pg_ls_dir('.'), pg_ls_waldir(), pg_stat_file('x')",
        "SELECT lo_unlink(1), lo_export(1, '/tmp/x')",
        "SELECT dblink('dbname=x', 'SELECT 1')",
        "SELECT pg_cancel_backend(1), pg_rotate_logfile(), pg_switch_wal()",
        "SELECT pg_create_restore_point('x'), pg_drop_replication_slot('x')",
        "SELECT pg_notify('channel', 'payload')",
        "SELECT query_to_xml('SELECT pg_sleep(1)', true, false, '')",
    })
    void callsOfFunctionsWithSideEffectsAreRefused(String sql) {
        assertRefused(sql, SqlQueryChecker.NOT_READ_ONLY, "() has side effects: only a read-only SELECT is allowed",
                "(at line 1, column ");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * FROM t CROSS JOIN LATERAL (SELECT pg_sleep(1)) s",
        "SELECT * FROM t, LATERAL pg_sleep(1)",
        "SELECT * FROM t WHERE a IN (SELECT pg_sleep(1))",
        "SELECT * FROM (SELECT pg_sleep(1)) s",
        "WITH w AS (SELECT pg_sleep(1)) SELECT * FROM w",
        "SELECT a FROM t ORDER BY (SELECT pg_sleep(1))",
        "SELECT count(*) FILTER (WHERE pg_sleep(1) IS NULL) FROM t",
        "SELECT sum(a) OVER (PARTITION BY pg_sleep(1)) FROM t",
        "SELECT CASE WHEN a THEN pg_sleep(1) END FROM t",
        "SELECT PG_SLEEP(1)",
        "SELECT pg_catalog.pg_sleep(1)",
        "SELECT Pg_Catalog . PG_Sleep (1)",
        "SELECT other_schema.pg_sleep(1)",
        "SELECT \"pg_sleep\"(1)",
        "SELECT pg_catalog.\"pg_sleep\"(1)",
        "SELECT pg_sleep /* a comment */ (1)",
        "SELECT U&\"pg\\005fsleep\"(1)",
        "SELECT E'\\' ', pg_sleep(100) -- '",
    })
    void aCallIsFoundWhereverItSitsAndHoweverItsNameIsSpelled(String sql) {
        assertRefused(sql, SqlQueryChecker.NOT_READ_ONLY, "pg_sleep() has side effects");
    }

    @Test
    void aCallNamedWithUnicodeEscapesOfItsOwnEscapeCharacterIsFound() {
        String sql = "SELECT U&\"pg!005fsleep\" UESCAPE '!' (1)";

        assertThat(SideEffectingFunctions.firstCall(PostgresLexer.lex(sql).tokens()))
                .contains("pg_sleep() has side effects: only a read-only SELECT is allowed (at line 1, column 8)");
        assertThat(refusal(sql).type()).isIn(SqlQueryChecker.INVALID, SqlQueryChecker.NOT_READ_ONLY);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT service_name, count(*) OVER (PARTITION BY service_name ORDER BY start_timestamp"
                + " ROWS BETWEEN 5 PRECEDING AND CURRENT ROW) FROM records",
        "SELECT date_trunc('minute', start_timestamp) AS minute, count(*) FROM records"
                + " WHERE start_timestamp > now() - INTERVAL '5 minutes' GROUP BY 1",
        "SELECT attributes->>'http.status_code' AS code, (attributes->'a'->>'b')::int, attributes #>> '{a,b}'"
                + " FROM records WHERE message ILIKE '%error%'",
        "SELECT ARRAY[1, 2, 3], tags[1] FROM records WHERE tags @> ARRAY['x']",
        "SELECT count(*) FILTER (WHERE level >= 'error') AS errors FROM records",
        "SELECT DISTINCT ON (trace_id) trace_id, message FROM records ORDER BY trace_id, start_timestamp DESC",
        "SELECT r.trace_id, l.n FROM records r CROSS JOIN LATERAL"
                + " (SELECT count(*) AS n FROM records x WHERE x.trace_id = r.trace_id) l",
        "WITH e AS (SELECT service_name, count(*) AS n FROM records WHERE is_exception GROUP BY 1)"
                + " SELECT * FROM e WHERE n > (SELECT avg(n) * 3 FROM e)",
        "SELECT round(100.0 * count(*) FILTER (WHERE (attributes->>'http.status_code')::int >= 500)"
                + " / nullif(count(*), 0), 2) AS error_rate FROM records",
        "SELECT percentile_cont(0.95) WITHIN GROUP (ORDER BY duration) FROM records",
        "SELECT extract(epoch FROM end_timestamp - start_timestamp), substring(message FROM 1 FOR 20) FROM records",
        "SELECT string_agg(DISTINCT service_name, ', ' ORDER BY service_name) FROM records",
        "SELECT start_timestamp::timestamptz AT TIME ZONE 'UTC', coalesce(service_name, 'unknown') FROM records",
        "SELECT lower(message), log(2, 8), localtime, txid_current() FROM records",
        "SELECT nextval, pg_sleep FROM settings",
        "SELECT 'pg_sleep(1)' AS text, $$set_config('a', 'b', false)$$ AS body -- pg_sleep(1)",
    })
    void logfireStyleQueriesAreAccepted(String sql) {
        assertThatCode(() -> checker.requireReadOnlySelect(sql)).doesNotThrowAnyException();
    }

    @Test
    void everyRefusalNamesTheQueryField() {
        for (String sql : List.of("", "SELEC 1", "DELETE FROM t", "SELECT * FROM t FOR UPDATE", "SELECT 1; SELECT 2")) {
            assertThat(refusal(sql).field()).as(sql).isEqualTo("query");
        }
    }

    @Test
    void theServiceLoaderFindsTheChecker() {
        List<QueryChecker> found = new ArrayList<>();
        ServiceLoader.load(QueryChecker.class).forEach(found::add);

        assertThat(found).hasSize(1).first().isInstanceOf(SqlQueryChecker.class);
        assertThatThrownBy(() -> found.get(0).requireReadOnlySelect("DROP TABLE t"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void refusedQueriesLeaveNoThreadBehindAndConcurrentChecksAgree() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String sql = i % 2 == 0 ? "SELEC " + i : "SELECT " + i + " FROM t";
                outcomes.add(callers.submit((Callable<String>) () -> {
                    try {
                        checker.requireReadOnlySelect(sql);
                        return "accepted";
                    } catch (InvalidInputException refused) {
                        return refused.type();
                    }
                }));
            }
            for (int i = 0; i < outcomes.size(); i++) {
                assertThat(outcomes.get(i).get()).isEqualTo(i % 2 == 0 ? SqlQueryChecker.INVALID : "accepted");
            }
        } finally {
            callers.shutdownNow();
        }

        List<Thread> parsers = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("gatehouse-sql-parser"))
                .toList();
        assertThat(parsers).hasSizeLessThanOrEqualTo(Math.max(2, Runtime.getRuntime().availableProcessors()))
                .allSatisfy(thread -> assertThat(thread.isDaemon()).isTrue());
        assertThat(Thread.getAllStackTraces().keySet()).noneSatisfy(
                thread -> assertThat(thread.getName()).startsWith("pool-"));
    }

    private void assertRefused(String sql, String type, String... fragments) {
        InvalidInputException refusal = refusal(sql);
        assertThat(refusal.type()).as(sql).isEqualTo(type);
        assertThat(refusal.getMessage()).as(sql).contains(fragments);
    }

    private InvalidInputException refusal(String sql) {
        return refusal(checker, sql);
    }

    private static InvalidInputException refusal(QueryChecker checker, String sql) {
        Throwable thrown = catchThrowable(() -> checker.requireReadOnlySelect(sql));
        assertThat(thrown).as(sql).isInstanceOf(InvalidInputException.class);
        return (InvalidInputException) thrown;
    }
}
