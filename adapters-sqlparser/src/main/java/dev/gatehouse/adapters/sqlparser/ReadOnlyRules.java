package dev.gatehouse.adapters.sqlparser;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.parser.Token;

/**
 * Finds what makes a parsed SELECT write or lock, in the parser's token stream: JSqlParser's tree visitors skip
 * subqueries in some clauses (ORDER BY, GROUP BY, window and FILTER clauses, OFFSET), while every token of the query
 * passes through here. String literals, quoted identifiers and comments are single tokens or none, so their text
 * never matches.
 */
final class ReadOnlyRules {

    private static final String READ_ONLY = "only a read-only SELECT is allowed";
    private static final Set<String> WRITING_STATEMENTS = Set.of("INSERT", "UPDATE", "DELETE", "MERGE");
    private static final Set<String> BEFORE_WITH_BODY = Set.of("AS", "MATERIALIZED");

    private ReadOnlyRules() {
    }

    /** Why the SELECT spelled by {@code tokens} writes or locks, or empty where it does neither. */
    static Optional<String> firstViolation(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            String word = word(tokens, i);
            if (word.equals("INTO")) {
                return Optional.of("INTO writes the result into a table: " + READ_ONLY + " (" + at(tokens.get(i)) + ")");
            }
            int locking = lockingClauseLength(tokens, i);
            if (locking > 0) {
                return Optional.of(phrase(tokens, i, locking) + " locks rows: " + READ_ONLY + " ("
                        + at(tokens.get(i)) + ")");
            }
            if (word.equals("(") && i > 0 && BEFORE_WITH_BODY.contains(word(tokens, i - 1))
                    && WRITING_STATEMENTS.contains(word(tokens, i + 1))) {
                return Optional.of("A WITH item running " + word(tokens, i + 1) + " modifies data: " + READ_ONLY
                        + " (" + at(tokens.get(i + 1)) + ")");
            }
        }
        return Optional.empty();
    }

    /**
     * How many tokens from {@code i} spell a row-locking clause: {@code FOR UPDATE}, {@code FOR NO KEY UPDATE},
     * {@code FOR SHARE}, {@code FOR KEY SHARE} or {@code LOCK IN SHARE MODE}; 0 where none starts there.
     */
    private static int lockingClauseLength(List<Token> tokens, int i) {
        if (word(tokens, i).equals("FOR")) {
            String next = word(tokens, i + 1);
            if (next.equals("UPDATE") || next.equals("SHARE")) {
                return 2;
            }
            if (next.equals("NO") && word(tokens, i + 2).equals("KEY") && word(tokens, i + 3).equals("UPDATE")) {
                return 4;
            }
            if (next.equals("KEY") && word(tokens, i + 2).equals("SHARE")) {
                return 3;
            }
        }
        if (word(tokens, i).equals("LOCK") && word(tokens, i + 1).equals("IN") && word(tokens, i + 2).equals("SHARE")
                && word(tokens, i + 3).equals("MODE")) {
            return 4;
        }
        return 0;
    }

    /** The token at {@code i} in upper case, or the empty string past the end. */
    private static String word(List<Token> tokens, int i) {
        return i < tokens.size() ? tokens.get(i).image.toUpperCase(Locale.ROOT) : "";
    }

    private static String phrase(List<Token> tokens, int from, int length) {
        StringBuilder phrase = new StringBuilder();
        for (int i = from; i < from + length; i++) {
            phrase.append(i == from ? "" : " ").append(word(tokens, i));
        }
        return phrase.toString();
    }

    private static String at(Token token) {
        return "at line " + token.beginLine + ", column " + token.beginColumn;
    }
}
