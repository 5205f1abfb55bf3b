package dev.gatehouse.adapters.sqlparser;

import dev.gatehouse.ports.model.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a query as PostgreSQL's lexer does, so that every string (standard, {@code E'...'} with backslash escapes,
 * {@code $tag$...$tag$}), quoted identifier and (nested) comment ends where PostgreSQL ends it: JSqlParser ends some
 * of them elsewhere, and what it then takes for text PostgreSQL would run. Refuses, as {@code sql_invalid}, a string,
 * identifier or comment left open. Stateless and thread-safe.
 */
final class PostgresLexer {

    private PostgresLexer() {
    }

    /** The tokens of {@code sql} as PostgreSQL reads them, with the text JSqlParser should read instead of it. */
    static LexedQuery lex(String sql) {
        return new Scan(sql).run();
    }

    /** One pass over one query; not thread-safe, used once. */
    private static final class Scan {

        private final String sql;
        private final int length;
        private final char[] forParser;
        private final int[] lineStarts;
        private final List<PgToken> tokens = new ArrayList<>();
        private int pos;

        Scan(String sql) {
            this.sql = sql;
            this.length = sql.length();
            this.forParser = sql.toCharArray();
            this.lineStarts = lineStarts(sql);
        }

        LexedQuery run() {
            while (pos < length) {
                char c = sql.charAt(pos);
                if (isSpace(c)) {
                    pos++;
                } else if (startsWith(pos, "--")) {
                    lineComment();
                } else if (startsWith(pos, "/*")) {
                    blockComment();
                } else if (c == '\'') {
                    standardString(pos, pos);
                } else if (c == '"') {
                    quotedIdentifier(pos, pos);
                } else if (c == '$') {
                    dollar();
                } else if (isIdentifierStart(c)) {
                    word();
                } else if (isDigit(c) || c == '.' && isDigit(charAt(pos + 1))) {
                    number();
                } else if (isOperatorChar(c)) {
                    operator();
                } else {
                    single(c);
                }
            }
            return new LexedQuery(List.copyOf(tokens), new String(forParser));
        }

        private void lineComment() {
            int start = pos;
            while (pos < length && !isNewline(sql.charAt(pos))) {
                pos++;
            }
            blank(start, pos);
        }

        /** PostgreSQL's comments nest: {@code /* a /* b *\/ c *\/} is one comment. */
        private void blockComment() {
            int start = pos;
            int depth = 0;
            while (pos < length) {
                if (startsWith(pos, "/*")) {
                    depth++;
                    pos += 2;
                } else if (startsWith(pos, "*/")) {
                    depth--;
                    pos += 2;
                    if (depth == 0) {
                        blank(start, pos);
                        return;
                    }
                } else {
                    pos++;
                }
            }
            throw unterminated("/* comment", start);
        }

        /** A string whose quote is at {@code quote}: {@code ''} stands for a quote, a backslash for itself. */
        private void standardString(int start, int quote) {
            pos = quote + 1;
            while (pos < length) {
                if (sql.charAt(pos) == '\'') {
                    if (charAt(pos + 1) != '\'') {
                        pos++;
                        literal(start, PgToken.Kind.STRING);
                        return;
                    }
                    pos++;
                }
                pos++;
            }
            throw unterminated("quoted string", start);
        }

        /**
         * An {@code E'...'} string: a backslash escapes the next character, a quote included, and the string goes on
         * in another quoted part after whitespace holding a newline, as PostgreSQL continues it.
         */
        private void escapeString(int start) {
            pos = start + 2;
            while (pos < length) {
                char c = sql.charAt(pos);
                if (c == '\\') {
                    pos += 2;
                } else if (c == '\'' && charAt(pos + 1) == '\'') {
                    pos += 2;
                } else if (c == '\'') {
                    int continued = continuationQuote(pos + 1);
                    if (continued < 0) {
                        pos++;
                        literal(start, PgToken.Kind.STRING);
                        return;
                    }
                    pos = continued + 1;
                } else {
                    pos++;
                }
            }
            throw unterminated("quoted string", start);
        }

        /**
         * Where a string closed before {@code from} goes on: the quote after whitespace that holds a newline (comments
         * allowed, as PostgreSQL's {@code quotecontinue} reads it), or -1 where it ends.
         */
        private int continuationQuote(int from) {
            int i = from;
            while (i < length && !isNewline(sql.charAt(i))) {
                if (isHorizontalSpace(sql.charAt(i))) {
                    i++;
                } else if (startsWith(i, "--")) {
                    i = endOfLine(i);
                } else {
                    return -1;
                }
            }
            if (i >= length) {
                return -1;
            }
            i++;
            while (i < length) {
                if (isSpace(sql.charAt(i))) {
                    i++;
                } else if (startsWith(i, "--") && endOfLine(i) < length) {
                    i = endOfLine(i) + 1;
                } else {
                    break;
                }
            }
            return charAt(i) == '\'' ? i : -1;
        }

        private void quotedIdentifier(int start, int quote) {
            pos = quote + 1;
            while (pos < length) {
                if (sql.charAt(pos) == '"') {
                    if (charAt(pos + 1) != '"') {
                        pos++;
                        String name = sql.substring(quote + 1, pos - 1).replace("\"\"", "\"");
                        if (start != quote) {
                            name = unicodeUnescaped(name, unicodeEscape(pos));
                        }
                        tokens.add(token(PgToken.Kind.QUOTED_IDENTIFIER, name, start));
                        return;
                    }
                    pos++;
                }
                pos++;
            }
            throw unterminated("quoted identifier", start);
        }

        /**
         * The escape character of a {@code U&"..."} identifier that ends before {@code from}: the one its
         * {@code UESCAPE 'c'} clause names, or a backslash.
         */
        private char unicodeEscape(int from) {
            int i = afterSpaceAndComments(from);
            if (!sql.regionMatches(true, i, "uescape", 0, 7) || isIdentifierPart(charAt(i + 7))) {
                return '\\';
            }
            i = afterSpaceAndComments(i + 7);
            return charAt(i) == '\'' && charAt(i + 2) == '\'' ? charAt(i + 1) : '\\';
        }

        private int afterSpaceAndComments(int from) {
            int i = from;
            while (i < length) {
                if (isSpace(sql.charAt(i))) {
                    i++;
                } else if (startsWith(i, "--")) {
                    i = endOfLine(i);
                } else if (startsWith(i, "/*")) {
                    int end = sql.indexOf("*/", i + 2);
                    i = end < 0 ? length : end + 2;
                } else {
                    break;
                }
            }
            return i;
        }

        /** A parameter {@code $1}, a dollar quote {@code $tag$...$tag$} (tag empty or an identifier), or a lone $. */
        private void dollar() {
            int start = pos;
            if (isDigit(charAt(pos + 1))) {
                pos++;
                while (pos < length && isDigit(sql.charAt(pos))) {
                    pos++;
                }
                tokens.add(token(PgToken.Kind.OTHER, sql.substring(start, pos), start));
                return;
            }
            int tagEnd = pos + 1;
            if (isDollarTagStart(charAt(tagEnd))) {
                tagEnd++;
                while (tagEnd < length && (isDollarTagStart(sql.charAt(tagEnd)) || isDigit(sql.charAt(tagEnd)))) {
                    tagEnd++;
                }
            }
            if (charAt(tagEnd) != '$') {
                single('$');
                return;
            }
            String delimiter = sql.substring(start, tagEnd + 1);
            int close = sql.indexOf(delimiter, tagEnd + 1);
            if (close < 0) {
                throw unterminated("dollar-quoted string", start);
            }
            pos = close + delimiter.length();
            literal(start, PgToken.Kind.STRING);
        }

        /**
         * An identifier or key word, or the prefix of a string or identifier: {@code E'}, {@code B'}, {@code X'},
         * {@code N'}, {@code U&'}, {@code U&"}.
         */
        private void word() {
            int start = pos;
            while (pos < length && isIdentifierPart(sql.charAt(pos))) {
                pos++;
            }
            String word = sql.substring(start, pos);
            if (pos - start == 1 && charAt(pos) == '\'') {
                char prefix = Character.toLowerCase(word.charAt(0));
                if (prefix == 'e') {
                    escapeString(start);
                    return;
                }
                if (prefix == 'b' || prefix == 'x' || prefix == 'n') {
                    standardString(start, pos);
                    return;
                }
            }
            if (word.equalsIgnoreCase("u") && charAt(pos) == '&') {
                if (charAt(pos + 1) == '\'') {
                    standardString(start, pos + 1);
                    return;
                }
                if (charAt(pos + 1) == '"') {
                    quotedIdentifier(start, pos + 1);
                    return;
                }
            }
            tokens.add(token(PgToken.Kind.WORD, word, start));
        }

        /**
         * Digits, a fraction and an exponent; whatever follows is a token of its own, as PostgreSQL up to 14 reads
         * {@code 1e'x'} as {@code 1} and the string {@code e'x'}.
         */
        private void number() {
            int start = pos;
            skipDigits();
            if (charAt(pos) == '.' && charAt(pos + 1) != '.') {
                pos++;
                skipDigits();
            }
            if (Character.toLowerCase(charAt(pos)) == 'e') {
                int digits = pos + 1;
                if (charAt(digits) == '+' || charAt(digits) == '-') {
                    digits++;
                }
                if (isDigit(charAt(digits))) {
                    pos = digits;
                    skipDigits();
                }
            }
            tokens.add(token(PgToken.Kind.OTHER, sql.substring(start, pos), start));
        }

        /**
         * A run of operator characters, cut where a comment starts inside it as PostgreSQL cuts it. JSqlParser reads
         * {@code //} as a comment and a backtick as a quote, where PostgreSQL reads operator characters, so the text
         * for the parser spells them so that it reads on.
         */
        private void operator() {
            int start = pos;
            pos++;
            while (pos < length && isOperatorChar(sql.charAt(pos))
                    && !startsWith(pos, "--") && !startsWith(pos, "/*")) {
                pos++;
            }
            for (int i = start; i < pos; i++) {
                if (sql.charAt(i) == '`') {
                    forParser[i] = '#';
                } else if (i > start && sql.charAt(i) == '/' && forParser[i - 1] == '/') {
                    forParser[i] = ' ';
                }
            }
            tokens.add(token(PgToken.Kind.OTHER, sql.substring(start, pos), start));
        }

        private void single(char c) {
            PgToken.Kind kind = switch (c) {
                case ';' -> PgToken.Kind.SEMICOLON;
                default -> PgToken.Kind.OTHER;
            };
            tokens.add(token(kind, String.valueOf(c), pos));
            pos++;
        }

        /**
         * Records the string from {@code start} to here, and spells it for the parser as one plain string of the same
         * length: quotes and backslashes inside become spaces, so that JSqlParser ends it where PostgreSQL does.
         */
        private void literal(int start, PgToken.Kind kind) {
            tokens.add(token(kind, sql.substring(start, pos), start));
            forParser[start] = '\'';
            for (int i = start + 1; i < pos - 1; i++) {
                if (forParser[i] == '\'' || forParser[i] == '\\') {
                    forParser[i] = ' ';
                }
            }
            forParser[pos - 1] = '\'';
        }

        /** Hides a comment from the parser, keeping its line breaks so that positions stay the same. */
        private void blank(int from, int to) {
            for (int i = from; i < to; i++) {
                if (!isNewline(forParser[i])) {
                    forParser[i] = ' ';
                }
            }
        }

        private void skipDigits() {
            while (pos < length && isDigit(sql.charAt(pos))) {
                pos++;
            }
        }

        private int endOfLine(int from) {
            int i = from;
            while (i < length && !isNewline(sql.charAt(i))) {
                i++;
            }
            return i;
        }

        private PgToken token(PgToken.Kind kind, String text, int offset) {
            int line = Arrays.binarySearch(lineStarts, offset);
            line = line >= 0 ? line : -line - 2;
            return new PgToken(kind, text, line + 1, offset - lineStarts[line] + 1);
        }

        private InvalidInputException unterminated(String what, int start) {
            return new InvalidInputException(SqlQueryChecker.FIELD, SqlQueryChecker.INVALID,
                    "The query has an unterminated " + what + " starting " + token(PgToken.Kind.OTHER, "", start).at());
        }

        private boolean startsWith(int at, String prefix) {
            return sql.startsWith(prefix, at);
        }

        /** The character at {@code i}, or NUL past the end. */
        private char charAt(int i) {
            return i < length ? sql.charAt(i) : '\0';
        }

        /** Where each line starts; a line ends at {@code \n}, {@code \r\n} or {@code \r}, as JSqlParser counts. */
        private static int[] lineStarts(String sql) {
            List<Integer> starts = new ArrayList<>(List.of(0));
            for (int i = 0; i < sql.length(); i++) {
                char c = sql.charAt(i);
                if (c == '\n' || c == '\r' && (i + 1 >= sql.length() || sql.charAt(i + 1) != '\n')) {
                    starts.add(i + 1);
                }
            }
            return starts.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** {@code name} with PostgreSQL's Unicode escapes ({@code \0061}, {@code \+000061}, {@code \\}) resolved. */
    private static String unicodeUnescaped(String name, char escape) {
        StringBuilder unescaped = new StringBuilder();
        int i = 0;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (c == escape && i + 1 < name.length() && name.charAt(i + 1) == escape) {
                unescaped.append(escape);
                i += 2;
            } else if (c == escape && isHex(name, i + 2, 6) && name.charAt(i + 1) == '+') {
                unescaped.appendCodePoint(Integer.parseInt(name.substring(i + 2, i + 8), 16));
                i += 8;
            } else if (c == escape && isHex(name, i + 1, 4)) {
                unescaped.appendCodePoint(Integer.parseInt(name.substring(i + 1, i + 5), 16));
                i += 5;
            } else {
                unescaped.append(c);
                i++;
            }
        }
        return unescaped.toString();
    }

    private static boolean isHex(String text, int from, int count) {
        if (from + count > text.length()) {
            return false;
        }
        for (int i = from; i < from + count; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    private static boolean isHorizontalSpace(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\u000B';
    }

    private static boolean isNewline(char c) {
        return c == '\n' || c == '\r';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** PostgreSQL's {@code ident_start}: a letter, an underscore or any character beyond ASCII. */
    private static boolean isIdentifierStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= '\u0080';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c) || c == '$';
    }

    /** A dollar quote's tag is an identifier without {@code $}. */
    private static boolean isDollarTagStart(char c) {
        return isIdentifierStart(c);
    }

    private static boolean isOperatorChar(char c) {
        return "~!@#^&|`?+-*/%<>=".indexOf(c) >= 0;
    }
}
