package dev.gatehouse.adapters.sqlparser;

import dev.gatehouse.ports.model.BusyException;
import dev.gatehouse.ports.model.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.statement.Statements;

/**
 * JSqlParser on a {@link ParserPool}, with its messages made fit for a 422: the diagnosis without the list of every
 * token the grammar would have accepted. Thread-safe.
 */
final class Parsing {

    private Parsing() {
    }

    /** The statements of {@code sql}; throws {@code sql_invalid} with the parser's message where it does not parse. */
    static Statements statements(ParserPool parsers, String sql) {
        try {
            Statements statements = parsers.parse(sql, CCJSqlParser::Statements);
            return statements == null ? new Statements() : statements;
        } catch (JSQLParserException | RuntimeException failure) {
            if (failure instanceof InvalidInputException || failure instanceof BusyException) {
                throw (RuntimeException) failure;
            }
            throw new InvalidInputException(SqlQueryChecker.FIELD, SqlQueryChecker.INVALID, messageOf(failure));
        }
    }

    /** The parser's message on reading {@code sql} as a SELECT, or empty where it reads as one or gives no answer. */
    static Optional<String> whyNotSelect(ParserPool parsers, String sql) {
        try {
            parsers.parse(sql, CCJSqlParser::Select);
            return Optional.empty();
        } catch (InvalidInputException | BusyException busyOrTooSlow) {
            return Optional.empty();
        } catch (JSQLParserException | RuntimeException failure) {
            return Optional.of(messageOf(failure));
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
}
