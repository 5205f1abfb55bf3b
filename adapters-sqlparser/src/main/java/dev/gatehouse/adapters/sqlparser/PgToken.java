package dev.gatehouse.adapters.sqlparser;

/**
 * A token as PostgreSQL's lexer reads it: a word (identifier or key word, as written), a quoted identifier (its name,
 * quotes removed), a string of any kind (as written), a semicolon, or anything else; comments and whitespace are none.
 */
record PgToken(Kind kind, String text, int line, int column) {

    enum Kind { WORD, QUOTED_IDENTIFIER, STRING, SEMICOLON, OTHER }

    /** Where the token starts, as the parser's messages say it: {@code at line 1, column 8}. */
    String at() {
        return "at line " + line + ", column " + column;
    }
}
