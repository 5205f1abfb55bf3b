package dev.gatehouse.adapters.sqlparser;

import java.util.List;

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
}
