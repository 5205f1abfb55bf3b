package dev.gatehouse.ports.model;

import java.util.Objects;
import java.util.Set;

/**
 * The per-scope settings an API key carries, Logfire's {@code claims}: today only those of
 * {@code project:gateway_proxy}, which a key must hold to carry them.
 */
public record ScopeClaims(GatewayProxyClaims gatewayProxy) {

    /** No claims. */
    public static final ScopeClaims NONE = new ScopeClaims(GatewayProxyClaims.NONE);

    public ScopeClaims {
        Objects.requireNonNull(gatewayProxy, "gatewayProxy");
    }

    /** Whether no scope's claims are set. */
    public boolean isEmpty() {
        return gatewayProxy.isEmpty();
    }

    /** The scopes these claims are for, each of which the key carrying them must hold. */
    public Set<Scope> scopes() {
        return gatewayProxy.isEmpty() ? Set.of() : Set.of(Scope.PROJECT_GATEWAY_PROXY);
    }

    /** The claims as a JSON object by scope, as {@code APIKeyRead} shows them; {@code {}} for none. */
    @Override
    public String toString() {
        return isEmpty() ? "{}" : "{\"" + Scope.PROJECT_GATEWAY_PROXY.wireName() + "\": " + gatewayProxy + "}";
    }
}
