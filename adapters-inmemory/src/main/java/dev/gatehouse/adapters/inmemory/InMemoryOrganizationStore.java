package dev.gatehouse.adapters.inmemory;

import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.OrganizationId;
import dev.gatehouse.ports.out.OrganizationStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Organizations in memory; thread-safe, each call being its own unit of work unless it joins one. */
final class InMemoryOrganizationStore implements OrganizationStore {

    private final Tables tables;

    InMemoryOrganizationStore(Tables tables) {
        this.tables = tables;
    }

    @Override
    public void insert(Organization organization) {
        Objects.requireNonNull(organization, "organization");
        tables.unitOfWork.run(() -> tables.organizations.insert(organization));
    }

    @Override
    public Optional<Organization> findById(OrganizationId id) {
        Objects.requireNonNull(id, "id");
        return tables.unitOfWork.read(() -> tables.organizations.get(id));
    }

    @Override
    public Optional<Organization> findByName(String name) {
        Objects.requireNonNull(name, "name");
        return tables.unitOfWork.read(
                () -> tables.organizations.findUnique(tables.organizationsByName, name));
    }

    @Override
    public List<Organization> list() {
        return tables.unitOfWork.read(() -> tables.organizations.select(
                organization -> true,
                Tables.oldestFirst(Organization::createdAt, organization -> organization.id().value())));
    }
}
