package dev.gatehouse.core;

import dev.gatehouse.core.internal.TokenFormat;
import dev.gatehouse.core.internal.TokenHasher;
import dev.gatehouse.ports.in.Bootstrap;
import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.ConflictException;
import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.CredentialView;
import dev.gatehouse.ports.model.IssuedCredential;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.OrganizationId;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.ScopeClaims;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;

/** The {@link Bootstrap} use case: the first organization and its admin key, once per installation. Thread-safe. */
final class BootstrapService implements Bootstrap {

    /** The name of the admin key a new installation gets. */
    static final String ADMIN_KEY_NAME = "admin";

    private final Env env;
    private final TokenFormat format;
    private final TokenHasher hasher;

    BootstrapService(Env env, TokenFormat format, TokenHasher hasher) {
        this.env = env;
        this.format = format;
        this.hasher = hasher;
    }

    @Override
    public Optional<IssuedCredential> bootstrapIfEmpty(String organizationName) {
        try {
            return env.storage().transactions().inTransaction(() -> {
                if (!env.storage().organizations().list().isEmpty()) {
                    return Optional.<IssuedCredential>empty();
                }
                Instant now = env.now();
                Organization organization = new Organization(OrganizationId.random(), organizationName, now);
                env.storage().organizations().insert(organization);
                env.audit().record(organization.id(), null, AuditAction.INSERT, AuditTrail.ORGANIZATION,
                        organization.id(), null, now, new AuditTrail.Fields().set("organization_name", organization.name()));
                String token = format.generate(CredentialKind.API_KEY);
                Credential admin = new Credential(CredentialId.random(), organization.id(), null, CredentialKind.API_KEY,
                        ADMIN_KEY_NAME, "Created by bootstrap", EnumSet.allOf(Scope.class), hasher.hash(token),
                        TokenFormat.displayPrefix(token), now, null, null, null, null, null, null, null,
                        ScopeClaims.NONE);
                env.storage().credentials().insert(admin);
                env.audit().record(organization.id(), null, AuditAction.INSERT, AuditTrail.resourceType(admin.kind()),
                        admin.id(), null, now, new AuditTrail.Fields()
                                .set("name", admin.name())
                                .set("description", admin.description())
                                .set("scopes", admin.scopes()));
                return Optional.of(new IssuedCredential(new CredentialView(admin, null, null), token));
            });
        } catch (ConflictException e) {
            // A concurrent bootstrap on another connection created the organization first; it holds the admin key.
            if (env.storage().organizations().list().isEmpty()) {
                throw e;
            }
            return Optional.empty();
        }
    }
}
