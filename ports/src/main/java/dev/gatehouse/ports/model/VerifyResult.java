package dev.gatehouse.ports.model;

import java.util.Objects;

/** The outcome of verifying a presented token: a principal, or the reason it was refused. */
public sealed interface VerifyResult {

    /** The token authenticated {@code principal}. */
    record Verified(Principal principal) implements VerifyResult {
        public Verified {
            Objects.requireNonNull(principal, "principal");
        }
    }

    /**
     * The token was refused.
     *
     * @param missingScope the scope the credential lacks when {@code reason} is {@link DenialReason#INSUFFICIENT_SCOPE}, else null
     */
    record Denied(DenialReason reason, Scope missingScope) implements VerifyResult {
        public Denied {
            Objects.requireNonNull(reason, "reason");
        }

        /** A denial for a reason other than a missing scope. */
        public static Denied because(DenialReason reason) {
            return new Denied(reason, null);
        }
    }
}
