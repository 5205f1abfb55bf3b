package dev.gatehouse.adapters.sqlparser;

import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.StringProvider;

/**
 * JSqlParser's parser, with or without its complex parsing, whose syntax errors name the unexpected token and its
 * place but not the tokens that would have been accepted: JavaCC lists those by re-running every lookahead tried so
 * far, which takes exponential time in the nesting ({@code SELECT ARRAY[ARRAY[ARRAY[1 1]]]} took more than 8
 * seconds), and the list is cut from the message anyway. Not thread-safe: one parser reads one query.
 */
final class FastFailingParser extends CCJSqlParser {

    FastFailingParser(String sql, boolean complexParsing) {
        super(new StringProvider(sql));
        withAllowComplexParsing(complexParsing);
    }

    @Override
    public ParseException generateParseException() {
        // One expected sequence of one token makes the message show the one unexpected token, as JSqlParser's does.
        return new ParseException(token, new int[][] {{EOF}}, tokenImage);
    }
}
