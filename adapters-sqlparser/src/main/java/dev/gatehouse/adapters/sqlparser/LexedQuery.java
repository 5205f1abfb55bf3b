package dev.gatehouse.adapters.sqlparser;

import java.util.List;
import java.util.Optional;

/**
 * A query as {@link PostgresLexer} read it: its tokens, and the text to give JSqlParser in its place, of the same
 * length and lines, whose strings and comments JSqlParser ends where PostgreSQL ends them.
 */
record LexedQuery(List<PgToken> tokens, String textForParser) {

    /** How many statements PostgreSQL would run: the stretches between semicolons that hold a token. */
    int statements() {
        int statements = 0;
        boolean empty = true;
        for (PgToken token : tokens) {
            if (token.kind() == PgToken.Kind.SEMICOLON) {
                empty = true;
            } else if (empty) {
                statements++;
                empty = false;
            }
        }
        return statements;
    }

    /** How deep brackets and parentheses nest at most. */
    int nesting() {
        int depth = 0;
        int deepest = 0;
        for (PgToken token : tokens) {
            depth = Math.max(0, depth + change(token));
            deepest = Math.max(deepest, depth);
        }
        return deepest;
    }

    /** The first bracket or parenthesis that opens level {@code limit + 1}, if one does. */
    Optional<PgToken> firstBracketDeeperThan(int limit) {
        int depth = 0;
        for (PgToken token : tokens) {
            depth = Math.max(0, depth + change(token));
            if (depth > limit) {
                return Optional.of(token);
            }
        }
        return Optional.empty();
    }

    private static int change(PgToken token) {
        if (token.kind() != PgToken.Kind.OTHER) {
            return 0;
        }
        return switch (token.text()) {
            case "(", "[" -> 1;
            case ")", "]" -> -1;
            default -> 0;
        };
    }
}
