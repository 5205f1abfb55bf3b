package dev.gatehouse.core;

import dev.gatehouse.core.internal.TokenFormat;
import dev.gatehouse.core.internal.TokenHasher;
import dev.gatehouse.core.internal.VerificationCache;
import dev.gatehouse.ports.in.ApiKeyUpdate;
import dev.gatehouse.ports.in.CredentialTarget;
import dev.gatehouse.ports.in.Credentials;
import dev.gatehouse.ports.in.NewApiKey;
import dev.gatehouse.ports.in.NewProjectToken;
import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.ConflictException;
import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.CredentialView;
import dev.gatehouse.ports.model.ForbiddenException;
import dev.gatehouse.ports.model.InvalidInputException;
import dev.gatehouse.ports.model.IssuedCredential;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.ScopeClaims;
import dev.gatehouse.ports.model.Timestamps;
import dev.gatehouse.ports.model.TokenHash;
import dev.gatehouse.ports.out.CredentialStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** The {@link Credentials} use cases: issuance, listing, rotation, expiry and revocation. Thread-safe. */
final class CredentialService implements Credentials {

    /** The longest an old credential may keep working after its rotation. */
    static final Duration MAX_GRACE_PERIOD = Duration.ofDays(30);

    private final Env env;
    private final TokenFormat format;
    private final TokenHasher hasher;
    private final VerificationCache cache;

    CredentialService(Env env, TokenFormat format, TokenHasher hasher, VerificationCache cache) {
        this.env = env;
        this.format = format;
        this.hasher = hasher;
        this.cache = cache;
    }

    @Override
    public IssuedCredential createApiKey(Principal caller, NewApiKey command) {
        Objects.requireNonNull(command, "command");
        Access.require(caller, Scope.ORGANIZATION_CREATE_API_KEY);
        Instant now = env.now();
        requireFuture(command.expiresAt(), now);
        Access.requireWithinGrant(caller, CredentialKind.API_KEY, command.scopes(), command.projectId());
        Access.requireClaimsWithinGrant(caller, command.claims());
        requireLifetimeWithinGrant(caller, command.expiresAt());
        return env.storage().transactions().inTransaction(() -> {
            Project project = command.projectId() == null ? null : visibleProject(caller, command.projectId());
            return issue(caller, new Draft(CredentialKind.API_KEY, project, command.name(), command.description(),
                    command.scopes(), command.expiresAt(), null, command.claims()), now);
        });
    }

    @Override
    public List<CredentialView> listApiKeys(Principal caller) {
        Access.require(caller, Scope.ORGANIZATION_READ_API_KEY);
        List<Credential> keys = store().listByOrganization(caller.organizationId(), CredentialKind.API_KEY).stream()
                .filter(key -> caller.projectId() == null || caller.projectId().equals(key.projectId()))
                .toList();
        return views(keys);
    }

    @Override
    public CredentialView updateApiKey(Principal caller, CredentialTarget target, ApiKeyUpdate update) {
        Objects.requireNonNull(update, "update");
        Access.require(caller, Scope.ORGANIZATION_WRITE_API_KEY);
        return env.storage().transactions().inTransaction(() -> {
            Credential current = targetForUpdate(caller, target, CredentialKind.API_KEY);
            String name = update.name().applyTo(current.name());
            String description = update.description().applyTo(current.description());
            ScopeClaims claims = Objects.requireNonNullElse(update.claims().applyTo(current.claims()),
                    ScopeClaims.NONE);
            if (!claims.equals(current.claims())) {
                Access.requireClaimsWithinGrant(caller, claims);
            }
            AuditTrail.Fields fields = new AuditTrail.Fields()
                    .change("name", current.name(), name)
                    .change("description", current.description(), description)
                    .change("claims", auditedClaims(current.claims()), auditedClaims(claims));
            if (fields.isEmpty()) {
                return view(current);
            }
            Instant now = env.now();
            Credential edited = current.edited(name, description, claims, caller.credentialId(), now);
            store().update(edited);
            audit(edited, AuditAction.UPDATE, caller, now, fields);
            // A verified principal carries the key's claims, so an update forgets the cached one as a revocation does.
            forgetOnCommit(edited.tokenHash());
            return view(edited);
        });
    }

    @Override
    public IssuedCredential createToken(Principal caller, NewProjectToken command) {
        Objects.requireNonNull(command, "command");
        Access.require(caller, Access.managing(command.kind()));
        Instant now = env.now();
        requireFuture(command.expiresAt(), now);
        requireLifetimeWithinGrant(caller, command.expiresAt());
        return env.storage().transactions().inTransaction(() -> {
            Project project = visibleProject(caller, command.projectId());
            return issue(caller, new Draft(command.kind(), project, null, command.description(),
                    Access.tokenScopes(command.kind()), command.expiresAt(), null, ScopeClaims.NONE), now);
        });
    }

    @Override
    public List<CredentialView> listTokens(Principal caller, ProjectId project, CredentialKind kind) {
        Objects.requireNonNull(kind, "kind");
        if (kind == CredentialKind.API_KEY) {
            throw new IllegalArgumentException("API keys are listed by listApiKeys");
        }
        Access.require(caller, Access.managing(kind));
        Project visible = visibleProject(caller, project);
        return views(store().listByProject(visible.id(), kind));
    }

    @Override
    public IssuedCredential rotate(Principal caller, CredentialTarget target, Duration gracePeriod) {
        Objects.requireNonNull(target, "target");
        Access.require(caller, Access.managing(target.kind()));
        Duration grace = gracePeriod == null ? Duration.ZERO : gracePeriod;
        if (grace.isNegative() || grace.compareTo(MAX_GRACE_PERIOD) > 0) {
            throw new InvalidInputException("grace_period", "value_error",
                    "grace_period must be between 0 seconds and 30 days");
        }
        return env.storage().transactions().inTransaction(() -> {
            Credential old = targetForUpdate(caller, target, target.kind());
            Instant now = env.now();
            if (old.revokedAt() != null) {
                throw new ConflictException("A revoked credential cannot be rotated");
            }
            if (old.isExpiredAt(now)) {
                throw new ConflictException("An expired credential cannot be rotated");
            }
            if (successorOf(old).isPresent()) {
                throw new ConflictException("This credential has already been rotated");
            }
            // The successor is a new credential: rotating a stronger one would hand the caller more than it holds.
            // It keeps the old one's expiry, so that a rotation never outlives a lifetime someone set.
            Access.requireWithinGrant(caller, old.kind(), old.scopes(), old.projectId());
            Access.requireClaimsWithinGrant(caller, old.claims());
            requireLifetimeWithinGrant(caller, old.expiresAt());
            Project project = old.projectId() == null ? null : env.storage().projects().findById(old.projectId())
                    .orElseThrow(() -> new NotFoundException("Project not found"));
            IssuedCredential successor = issue(caller, new Draft(old.kind(), project, old.name(), old.description(),
                    old.scopes(), old.expiresAt(), old.id(), old.claims()), now);
            Instant graceEnd = now.plus(grace);
            if (old.expiresAt() == null || old.expiresAt().isAfter(graceEnd)) {
                Credential expiring = old.withExpiry(graceEnd, caller.credentialId(), now);
                store().update(expiring);
                audit(expiring, AuditAction.UPDATE, caller, now, new AuditTrail.Fields()
                        .change("expires_at", old.expiresAt(), graceEnd));
                forgetOnCommit(old.tokenHash());
            }
            return successor;
        });
    }

    @Override
    public void expire(Principal caller, CredentialTarget target) {
        Objects.requireNonNull(target, "target");
        Access.require(caller, Access.managing(target.kind()));
        change(caller, target, current -> {
            Instant now = env.now();
            if (current.isExpiredAt(now)) {
                // Already expired: a later expiry would misstate when it stopped working.
                return;
            }
            Credential expired = current.withExpiry(now, caller.credentialId(), now);
            store().update(expired);
            audit(expired, AuditAction.UPDATE, caller, now, new AuditTrail.Fields()
                    .change("expires_at", current.expiresAt(), now));
        });
    }

    @Override
    public void revoke(Principal caller, CredentialTarget target) {
        Objects.requireNonNull(target, "target");
        Access.require(caller, Access.managing(target.kind()));
        change(caller, target, current -> {
            if (current.revokedAt() != null) {
                return;
            }
            Instant now = env.now();
            Credential revoked = current.revoked(caller.credentialId(), now);
            store().update(revoked);
            audit(revoked, AuditAction.UPDATE, caller, now, new AuditTrail.Fields()
                    .change("revoked_at", null, now));
        });
    }

    /** Applies {@code change} to the target in one unit of work, which forgets its cached verification on commit. */
    private void change(Principal caller, CredentialTarget target, Consumer<Credential> change) {
        env.storage().transactions().run(() -> {
            Credential current = targetForUpdate(caller, target, target.kind());
            change.accept(current);
            forgetOnCommit(current.tokenHash());
        });
    }

    /**
     * Announces a changed credential to the other instances sharing the storage, which forget it on commit, and
     * forgets it here on commit too: in the caller's unit of work, which may be a host's enclosing one. The cache is
     * never touched before the commit: a verification loading the same hash may be waiting for the store, and an
     * invalidation waits for that load, so doing it while holding the store would deadlock; and a load done before
     * the commit would put back what the unit changed.
     */
    private void forgetOnCommit(TokenHash hash) {
        env.storage().invalidations().publish(List.of(hash));
        env.storage().transactions().afterCommit(() -> cache.invalidate(hash));
    }

    /** Generates, stores and audits a new credential; runs inside the caller's unit of work. */
    private IssuedCredential issue(Principal caller, Draft draft, Instant now) {
        String token = format.generate(draft.kind());
        TokenHash hash = hasher.hash(token);
        Credential credential = new Credential(CredentialId.random(), caller.organizationId(),
                draft.project() == null ? null : draft.project().id(), draft.kind(), draft.name(),
                draft.description(), draft.scopes(), hash, TokenFormat.displayPrefix(token), now,
                caller.credentialId(), draft.expiresAt(), null, null, null, null, draft.rotatedFrom(), draft.claims());
        store().insert(credential);
        audit(credential, AuditAction.INSERT, caller, now, new AuditTrail.Fields().setAll(auditedState(credential)));
        // Forgets a cached "unknown" for the new token once it is committed; such an entry is only a theoretical risk.
        env.storage().transactions().afterCommit(() -> cache.invalidate(hash));
        String projectName = draft.project() == null ? null : draft.project().name();
        return new IssuedCredential(new CredentialView(credential, projectName, creatorName(caller.credentialId())),
                token);
    }

    /**
     * The credential {@code target} names, if it is of {@code kind}, in the target's project where one is given,
     * and within the caller's organization and binding (otherwise it does not exist for the caller); locked until
     * the unit of work ends: for an update, which must never write back what a concurrent one (a revocation) changed.
     */
    private Credential targetForUpdate(Principal caller, CredentialTarget target, CredentialKind kind) {
        return targeted(caller, target, kind, store().findByIdForUpdate(target.id()));
    }

    private static Credential targeted(Principal caller, CredentialTarget target, CredentialKind kind,
            Optional<Credential> found) {
        return found.filter(credential -> credential.kind() == kind)
                .filter(credential -> target.projectId() == null || target.projectId().equals(credential.projectId()))
                .filter(credential -> credential.organizationId().equals(caller.organizationId()))
                .filter(credential -> caller.covers(credential.projectId()))
                .orElseThrow(() -> new NotFoundException(label(kind) + " not found"));
    }

    private Optional<Credential> successorOf(Credential old) {
        List<Credential> siblings = old.projectId() == null
                ? store().listByOrganization(old.organizationId(), old.kind())
                : store().listByProject(old.projectId(), old.kind());
        return siblings.stream().filter(credential -> old.id().equals(credential.rotatedFrom())).findFirst();
    }

    private Project visibleProject(Principal caller, ProjectId id) {
        Objects.requireNonNull(id, "project");
        return env.storage().projects().findById(id)
                .filter(project -> project.organizationId().equals(caller.organizationId()))
                .filter(project -> caller.covers(project.id()))
                .orElseThrow(() -> new NotFoundException("Project not found"));
    }

    /** Claims as the audit log records them: absent when there are none. */
    /**
     * What the audit log records of a credential: all of it on its INSERT, and on a DELETE, so that the entry could
     * restore it; fields without a value are left out.
     */
    static Map<String, Object> auditedState(Credential credential) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", credential.name());
        state.put("description", credential.description());
        state.put("scopes", credential.scopes());
        state.put("project_id", credential.projectId());
        state.put("expires_at", credential.expiresAt());
        state.put("revoked_at", credential.revokedAt());
        state.put("rotated_from", credential.rotatedFrom());
        state.put("claims", auditedClaims(credential.claims()));
        return state;
    }

    private static ScopeClaims auditedClaims(ScopeClaims claims) {
        return claims.isEmpty() ? null : claims;
    }

    /**
     * Throws {@link ForbiddenException} if a credential expiring at {@code expiresAt} (null for never) would outlive
     * the calling credential: a short-lived key cannot leave a lasting one behind.
     */
    private void requireLifetimeWithinGrant(Principal caller, Instant expiresAt) {
        if (caller.credentialId() == null) {
            return;
        }
        Instant callerExpiry = store().findById(caller.credentialId()).map(Credential::expiresAt).orElse(null);
        if (callerExpiry != null && (expiresAt == null || expiresAt.isAfter(callerExpiry))) {
            throw new ForbiddenException("A credential that expires at " + callerExpiry + " cannot create or rotate"
                    + " one that outlives it: its expires_at must be at or before " + callerExpiry);
        }
    }

    private static void requireFuture(Instant expiresAt, Instant now) {
        // Compared as stored, at microseconds, so that an expiry accepted here is still in the future once stored.
        if (expiresAt != null && !Timestamps.micros(expiresAt).isAfter(now)) {
            throw new InvalidInputException("expires_at", "value_error", "expires_at must be in the future");
        }
        if (expiresAt != null && expiresAt.isAfter(Timestamps.LATEST)) {
            throw new InvalidInputException("expires_at", "value_error",
                    "expires_at must not be after " + Timestamps.LATEST);
        }
    }

    private void audit(Credential credential, AuditAction action, Principal caller, Instant now,
            AuditTrail.Fields fields) {
        env.audit().record(credential.organizationId(), credential.projectId(), action,
                AuditTrail.resourceType(credential.kind()), credential.id(), caller, now, fields);
    }

    private CredentialView view(Credential credential) {
        return views(List.of(credential)).get(0);
    }

    /** Views with project and creator names, looking each name up once per listing. */
    private List<CredentialView> views(List<Credential> credentials) {
        Map<ProjectId, String> projectNames = new HashMap<>();
        Map<CredentialId, Optional<String>> creatorNames = new HashMap<>();
        return credentials.stream().map(credential -> {
            String projectName = credential.projectId() == null ? null : projectNames.computeIfAbsent(
                    credential.projectId(),
                    id -> env.storage().projects().findById(id).map(Project::name).orElse(null));
            String creatorName = credential.createdBy() == null ? null : creatorNames
                    .computeIfAbsent(credential.createdBy(), id -> Optional.ofNullable(creatorName(id)))
                    .orElse(null);
            return new CredentialView(credential, projectName, creatorName);
        }).toList();
    }

    /** The name of the API key {@code creator}, or null for an operator or a token. */
    private String creatorName(CredentialId creator) {
        if (creator == null) {
            return null;
        }
        return store().findById(creator)
                .filter(credential -> credential.kind() == CredentialKind.API_KEY)
                .map(Credential::name)
                .orElse(null);
    }

    private static String label(CredentialKind kind) {
        return switch (kind) {
            case API_KEY -> "API key";
            case WRITE_TOKEN -> "Write token";
            case READ_TOKEN -> "Read token";
        };
    }

    private CredentialStore store() {
        return env.storage().credentials();
    }

    /** What a new credential is made of, before it gets its token. */
    private record Draft(CredentialKind kind, Project project, String name, String description, Set<Scope> scopes,
            Instant expiresAt, CredentialId rotatedFrom, ScopeClaims claims) {
    }
}
