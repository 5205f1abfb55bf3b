package dev.gatehouse.ports.out;

/**
 * Judges an alert's SQL with a real parser before it is stored. Implementations are thread-safe; the core finds one
 * with {@link java.util.ServiceLoader} unless it is given one.
 */
@FunctionalInterface
public interface QueryChecker {

    /**
     * Returns normally if {@code sql} is exactly one read-only SELECT (WITH, UNION and subqueries included, without
     * INTO, locking clauses or data-modifying WITH items); otherwise throws an
     * {@link dev.gatehouse.ports.model.InvalidInputException} on the field {@code query} whose message carries the
     * parser's diagnosis.
     */
    void requireReadOnlySelect(String sql);
}
