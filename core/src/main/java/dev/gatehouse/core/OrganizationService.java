package dev.gatehouse.core;

import dev.gatehouse.ports.in.Organizations;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.out.OrganizationStore;
import java.util.List;
import java.util.Optional;

/** The {@link Organizations} use cases, reading the organization store. Thread-safe. */
final class OrganizationService implements Organizations {

    private final OrganizationStore store;

    OrganizationService(OrganizationStore store) {
        this.store = store;
    }

    @Override
    public Organization current(Principal caller) {
        return store.findById(caller.organizationId())
                .orElseThrow(() -> new NotFoundException("Organization not found"));
    }

    @Override
    public List<Organization> all() {
        return store.list();
    }

    @Override
    public Optional<Organization> findByName(String name) {
        return name == null ? Optional.empty() : store.findByName(name);
    }
}
