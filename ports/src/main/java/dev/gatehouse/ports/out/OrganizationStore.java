package dev.gatehouse.ports.out;

import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.OrganizationId;
import java.util.List;
import java.util.Optional;

/** Keeps organizations; names are unique across the installation. */
public interface OrganizationStore {

    /** Stores a new organization; throws {@code ConflictException} if its id or name is taken. */
    void insert(Organization organization);

    Optional<Organization> findById(OrganizationId id);

    Optional<Organization> findByName(String name);

    /** Every organization, oldest first. */
    List<Organization> list();
}
