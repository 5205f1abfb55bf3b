package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.OrganizationId;
import dev.gatehouse.ports.out.OrganizationStore;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Organizations in the {@code organizations} table. Thread-safe. */
final class JdbcOrganizationStore implements OrganizationStore {

    private static final String SELECT = "SELECT " + Rows.ORGANIZATION_COLUMNS + " FROM organizations";

    private final JdbcTransactions transactions;

    JdbcOrganizationStore(JdbcTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void insert(Organization organization) {
        Objects.requireNonNull(organization, "organization");
        transactions.write(
                handle -> handle.createUpdate(
                                "INSERT INTO organizations (id, name, created_at) VALUES (:id, :name, :createdAt)")
                        .bind("id", Sql.uuid(organization.id().value()))
                        .bind("name", organization.name())
                        .bind("createdAt", Sql.instant(organization.createdAt()))
                        .execute(),
                failure -> SqlErrors.translate(failure,
                        Map.of("uq_organizations_name",
                                "an organization named '" + organization.name() + "' already exists"),
                        "organization " + organization.id() + " already exists",
                        "organization " + organization.id() + " refers to something that does not exist"));
    }

    @Override
    public Optional<Organization> findById(OrganizationId id) {
        Objects.requireNonNull(id, "id");
        return transactions.read(handle -> handle.createQuery(SELECT + " WHERE id = :id")
                .bind("id", Sql.uuid(id.value()))
                .map(Rows.ORGANIZATION)
                .findOne());
    }

    @Override
    public Optional<Organization> findByName(String name) {
        Objects.requireNonNull(name, "name");
        return transactions.read(handle -> handle.createQuery(SELECT + " WHERE name = :name")
                .bind("name", name)
                .map(Rows.ORGANIZATION)
                .findOne());
    }

    @Override
    public List<Organization> list() {
        return transactions.read(handle -> handle.createQuery(SELECT + " ORDER BY created_at, id")
                .map(Rows.ORGANIZATION)
                .list());
    }
}
