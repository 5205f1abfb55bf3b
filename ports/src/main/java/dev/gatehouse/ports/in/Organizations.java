package dev.gatehouse.ports.in;

import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.Principal;
import java.util.List;
import java.util.Optional;

/** Reads organizations: the caller's own, or, for an operator of the installation, all of them. */
public interface Organizations {

    /** The caller's organization. */
    Organization current(Principal caller);

    /** Every organization of the installation; for operators (the CLI, an embedding product), not for credentials. */
    List<Organization> all();

    /** The organization named {@code name}; for operators. */
    Optional<Organization> findByName(String name);
}
