package dev.gatehouse.ports.model;

import java.util.Objects;

/** The caller is authenticated but lacks a scope, or asked for more than its own grant. */
public class ForbiddenException extends GatehouseException {

    private final Scope missingScope;

    /** The caller lacks {@code missingScope}. */
    public ForbiddenException(Scope missingScope) {
        super("Missing required scope: " + missingScope.wireName());
        this.missingScope = Objects.requireNonNull(missingScope);
    }

    /** The caller asked for something beyond its grant that no single scope names. */
    public ForbiddenException(String message) {
        super(message);
        this.missingScope = null;
    }

    /** The scope the caller lacks, or null where the refusal is not about one scope. */
    public Scope missingScope() {
        return missingScope;
    }
}
