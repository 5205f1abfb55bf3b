package dev.gatehouse.ports.out;

import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.CredentialGrant;
import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.OrganizationId;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.TokenHash;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keeps credentials by id and by token hash; hashes are unique, and a credential has at most one rotation successor. */
public interface CredentialStore {

    /**
     * Stores a new credential.
     *
     * @throws dev.gatehouse.ports.model.ConflictException if the id or hash is taken, or another credential
     *     already names the same {@code rotatedFrom}
     * @throws dev.gatehouse.ports.model.NotFoundException if the organization or the project does not exist
     */
    void insert(Credential credential);

    /**
     * Replaces the mutable fields of the stored credential with the same id: name, description, expiry,
     * revocation and the update stamp. {@code lastUsedAt} is left alone: only {@link #recordUse} writes it.
     *
     * @throws dev.gatehouse.ports.model.NotFoundException if no such credential exists
     */
    void update(Credential credential);

    Optional<Credential> findById(CredentialId id);

    /**
     * As {@link #findById}, and no other unit of work may change the credential, or read it with this method, until
     * the calling unit of work ends: the read to base an update on.
     */
    Optional<Credential> findByIdForUpdate(CredentialId id);

    /** The credential whose token hashes to {@code hash}. */
    Optional<Credential> findByHash(TokenHash hash);

    /**
     * What the credential whose token hashes to {@code hash} grants, equal to {@link CredentialGrant#of} of what
     * {@link #findByHash} finds: the verification lookup, made on every cache miss, so it reads no more than that.
     */
    Optional<CredentialGrant> findGrantByHash(TokenHash hash);

    /** Every credential of the organization of {@code kind}, oldest first (ties broken by id). */
    List<Credential> listByOrganization(OrganizationId organization, CredentialKind kind);

    /** Every credential of {@code kind} bound to the project, oldest first (ties broken by id). */
    List<Credential> listByProject(ProjectId project, CredentialKind kind);

    /**
     * Advances {@code last_used_at} of each credential to the given instant where that is later than the stored
     * one; unknown ids are ignored, since a credential may have been deleted since it was used.
     */
    void recordUse(Map<CredentialId, Instant> lastUsed);
}
