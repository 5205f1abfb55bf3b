package dev.gatehouse.ports.in;

import dev.gatehouse.ports.model.IssuedCredential;
import java.util.Optional;

/** Sets up a new installation: its first organization and an admin key holding every scope. */
public interface Bootstrap {

    /**
     * On an installation without any organization, creates one named {@code organizationName} and an admin key
     * covering every scope and project, and returns the key with its token (print it once); otherwise does
     * nothing and returns empty. Safe to call on every start.
     */
    Optional<IssuedCredential> bootstrapIfEmpty(String organizationName);
}
