package dev.gatehouse.ports.in;

import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.VerifyResult;

/** Verifies presented tokens: the hot path every request of an embedding product pays for. Thread-safe. */
public interface Verifier {

    /** A principal for a valid token, or the reason it is refused; never throws for bad input. */
    VerifyResult verify(String token);

    /**
     * As {@link #verify(String)}, then requires {@code scope}: a valid token without it is denied with
     * {@code INSUFFICIENT_SCOPE} naming the scope.
     */
    VerifyResult verify(String token, Scope scope);

    /**
     * As {@link #verify(String, Scope)}, then requires the credential to cover {@code project}; one bound to
     * another project is denied with {@code NOT_FOUND}, as if the project did not exist for it.
     */
    VerifyResult verify(String token, Scope scope, ProjectId project);
}
