package dev.gatehouse.adapters.sqlparser;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds calls of functions that do something when a query merely reads: sleep, change settings, take advisory
 * locks, move sequences, read or list the server's files, touch large objects, reach other databases, signal or end
 * backends, reload or rotate the server's files, create or drop replication slots, notify listeners, or run the SQL
 * text they are given. Calls are found in PostgreSQL's tokens (a name, a quoted name or a {@code U&"..."} name,
 * possibly schema-qualified, then a parenthesis), so that every clause is searched, subqueries, {@code LATERAL} and
 * {@code FROM} included, whatever the schema and the case. The list is not exhaustive: whoever runs alert queries
 * should still use a read-only role.
 */
final class SideEffectingFunctions {

    private static final String READ_ONLY = "only a read-only SELECT is allowed";

    private static final Set<String> NAMES = Set.of(
            "set_config", "setval", "nextval", "pg_read_file", "pg_read_binary_file", "pg_stat_file",
            "pg_terminate_backend", "pg_cancel_backend", "pg_reload_conf", "pg_rotate_logfile", "pg_switch_wal",
            "pg_switch_xlog", "pg_notify", "pg_promote", "pg_logical_emit_message", "ts_stat");

    private static final List<String> PREFIXES = List.of(
            "pg_sleep", "pg_advisory", "pg_try_advisory", "lo_", "dblink", "pg_create_", "pg_drop_", "pg_ls_",
            "pg_file_", "pg_stat_reset", "query_to_xml");

    private SideEffectingFunctions() {
    }

    /** Why the query spelled by {@code tokens} calls a function with side effects, or empty where it calls none. */
    static Optional<String> firstCall(List<PgToken> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            PgToken token = tokens.get(i);
            boolean name = token.kind() == PgToken.Kind.WORD || token.kind() == PgToken.Kind.QUOTED_IDENTIFIER;
            if (name && isCall(tokens, i) && hasSideEffects(token.text())) {
                return Optional.of(token.text().toLowerCase(Locale.ROOT) + "() has side effects: " + READ_ONLY
                        + " (" + token.at() + ")");
            }
        }
        return Optional.empty();
    }

    /** Whether {@code name} is denied, in any case: {@code pg_sleep}, {@code PG_SLEEP_FOR}, {@code lo_import}. */
    static boolean hasSideEffects(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return NAMES.contains(lower) || PREFIXES.stream().anyMatch(lower::startsWith);
    }

    /** Whether the name at {@code i} is called: a parenthesis follows, after a {@code UESCAPE 'c'} clause if any. */
    private static boolean isCall(List<PgToken> tokens, int i) {
        int next = i + 1;
        if (isWord(tokens, next, "uescape") && next + 1 < tokens.size()
                && tokens.get(next + 1).kind() == PgToken.Kind.STRING) {
            next += 2;
        }
        return next < tokens.size() && tokens.get(next).kind() == PgToken.Kind.OTHER
                && tokens.get(next).text().equals("(");
    }

    private static boolean isWord(List<PgToken> tokens, int i, String word) {
        return i < tokens.size() && tokens.get(i).kind() == PgToken.Kind.WORD
                && tokens.get(i).text().equalsIgnoreCase(word);
    }
}
