package dev.gatehouse.adapters.inmemory;

import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.CredentialGrant;
import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.OrganizationId;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Timestamps;
import dev.gatehouse.ports.model.TokenHash;
import dev.gatehouse.ports.out.CredentialStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Credentials in memory, by id, by token hash and by rotation predecessor; thread-safe, each call its own unit of work unless it joins one. */
final class InMemoryCredentialStore implements CredentialStore {

    private final Tables tables;

    InMemoryCredentialStore(Tables tables) {
        this.tables = tables;
    }

    @Override
    public void insert(Credential credential) {
        Objects.requireNonNull(credential, "credential");
        tables.unitOfWork.run(() -> {
            if (!tables.organizations.contains(credential.organizationId())) {
                throw new NotFoundException("organization " + credential.organizationId() + " not found");
            }
            // As the schema's composite key does, a project of another organization counts as missing.
            if (credential.projectId() != null && tables.projects.get(credential.projectId())
                    .filter(project -> project.organizationId().equals(credential.organizationId()))
                    .isEmpty()) {
                throw new NotFoundException("project " + credential.projectId() + " not found in organization "
                        + credential.organizationId());
            }
            tables.credentials.insert(credential);
        });
    }

    @Override
    public void update(Credential credential) {
        Objects.requireNonNull(credential, "credential");
        tables.unitOfWork.run(() -> {
            Credential stored = tables.credentials.get(credential.id())
                    .orElseThrow(() -> new NotFoundException("credential " + credential.id() + " not found"));
            tables.credentials.replace(new Credential(stored.id(), stored.organizationId(), stored.projectId(),
                    stored.kind(), credential.name(), credential.description(), stored.scopes(), stored.tokenHash(),
                    stored.tokenPrefix(), stored.createdAt(), stored.createdBy(), credential.expiresAt(),
                    stored.lastUsedAt(), credential.revokedAt(), credential.updatedAt(), credential.updatedBy(),
                    stored.rotatedFrom(), credential.claims()));
        });
    }

    @Override
    public Optional<Credential> findById(CredentialId id) {
        Objects.requireNonNull(id, "id");
        return tables.unitOfWork.read(() -> tables.credentials.get(id));
    }

    @Override
    public Optional<Credential> findByIdForUpdate(CredentialId id) {
        // A unit of work holds every table until it ends, so the plain read already keeps other units off the row.
        return findById(id);
    }

    @Override
    public Optional<Credential> findByHash(TokenHash hash) {
        Objects.requireNonNull(hash, "hash");
        return tables.unitOfWork.read(() -> tables.credentials.findUnique(tables.credentialsByHash, hash));
    }

    @Override
    public Optional<CredentialGrant> findGrantByHash(TokenHash hash) {
        return findByHash(hash).map(CredentialGrant::of);
    }

    @Override
    public List<Credential> listByOrganization(OrganizationId organization, CredentialKind kind) {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(kind, "kind");
        return tables.unitOfWork.read(() -> tables.credentials.select(
                credential -> credential.organizationId().equals(organization) && credential.kind() == kind,
                Tables.oldestFirst(Credential::createdAt, credential -> credential.id().value())));
    }

    @Override
    public List<Credential> listByProject(ProjectId project, CredentialKind kind) {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(kind, "kind");
        return tables.unitOfWork.read(() -> tables.credentials.select(
                credential -> project.equals(credential.projectId()) && credential.kind() == kind,
                Tables.oldestFirst(Credential::createdAt, credential -> credential.id().value())));
    }

    @Override
    public void recordUse(Map<CredentialId, Instant> lastUsed) {
        Objects.requireNonNull(lastUsed, "lastUsed");
        tables.unitOfWork.run(() -> lastUsed.forEach((id, at) -> {
            Instant usedAt = Timestamps.micros(Objects.requireNonNull(at, "last used instant"));
            tables.credentials.get(id)
                    .filter(stored -> stored.lastUsedAt() == null || usedAt.isAfter(stored.lastUsedAt()))
                    .ifPresent(stored -> tables.credentials.replace(stored.usedAt(usedAt)));
        }));
    }
}
