package dev.gatehouse.testkit;

import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.AuditEntryId;
import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.Environment;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.OrganizationId;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.TokenHash;
import dev.gatehouse.ports.model.Visibility;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Builders of valid, distinct test data for the storage contracts; thread-safe. */
public final class TestData {

    /** An instant with nanoseconds, so that a round trip shows whether a store keeps exactly microseconds. */
    public static final Instant T0 = Instant.parse("2024-02-29T12:34:56.123456789Z");

    /** {@link #T0} as every store must return it: truncated to microseconds. */
    public static final Instant T0_IN_MICROS = Instant.parse("2024-02-29T12:34:56.123456Z");

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestData() {
    }

    /** A short random suffix of lowercase hex, valid in organization and project names. */
    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 12);
    }

    /** A new organization with a unique name, created at {@link #T0}. */
    public static Organization organization() {
        return organization("org " + unique(), T0);
    }

    /** A new organization with the given name and creation instant. */
    public static Organization organization(String name, Instant createdAt) {
        return new Organization(OrganizationId.random(), name, createdAt);
    }

    /** A new project of {@code organization} with a unique name, created and updated at {@link #T0}. */
    public static Project project(OrganizationId organization) {
        return project(organization, "project-" + unique());
    }

    /** A new project of {@code organization} named {@code name}, created and updated at {@link #T0}. */
    public static Project project(OrganizationId organization, String name) {
        return project(organization, name, T0);
    }

    /** A new project of {@code organization} named {@code name}, created and updated at {@code createdAt}. */
    public static Project project(OrganizationId organization, String name, Instant createdAt) {
        return new Project(ProjectId.random(), organization, name, "a test project", Visibility.PRIVATE,
                Environment.PRODUCTION, createdAt, createdAt);
    }

    /** A random token hash. */
    public static TokenHash tokenHash() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new TokenHash(HexFormat.of().formatHex(bytes));
    }

    /** An API key of {@code organization} covering all its projects, with every optional field unset. */
    public static CredentialBuilder apiKey(OrganizationId organization) {
        return new CredentialBuilder(organization, null, CredentialKind.API_KEY);
    }

    /** An API key bound to {@code project}, with every optional field unset. */
    public static CredentialBuilder projectApiKey(Project project) {
        return new CredentialBuilder(project.organizationId(), project.id(), CredentialKind.API_KEY);
    }

    /** A write token of {@code project}, with every optional field unset. */
    public static CredentialBuilder writeToken(Project project) {
        return new CredentialBuilder(project.organizationId(), project.id(), CredentialKind.WRITE_TOKEN);
    }

    /** A read token of {@code project}, with every optional field unset. */
    public static CredentialBuilder readToken(Project project) {
        return new CredentialBuilder(project.organizationId(), project.id(), CredentialKind.READ_TOKEN);
    }

    /** A builder holding every field of {@code credential}, to derive a changed copy. */
    public static CredentialBuilder copyOf(Credential credential) {
        CredentialBuilder builder =
                new CredentialBuilder(credential.organizationId(), credential.projectId(), credential.kind());
        builder.id = credential.id();
        builder.name = credential.name();
        builder.description = credential.description();
        builder.scopes = credential.scopes();
        builder.tokenHash = credential.tokenHash();
        builder.tokenPrefix = credential.tokenPrefix();
        builder.createdAt = credential.createdAt();
        builder.createdBy = credential.createdBy();
        builder.expiresAt = credential.expiresAt();
        builder.lastUsedAt = credential.lastUsedAt();
        builder.revokedAt = credential.revokedAt();
        builder.updatedAt = credential.updatedAt();
        builder.updatedBy = credential.updatedBy();
        builder.rotatedFrom = credential.rotatedFrom();
        return builder;
    }

    /** An audit entry of {@code organization} with no project, record, actor or changes. */
    public static AuditEntry auditEntry(OrganizationId organization, AuditAction action, Instant createdAt) {
        return new AuditEntry(AuditEntryId.random(), organization, null, action, "project", null, null, createdAt,
                List.of());
    }

    /** {@code rows} sorted by the text of their ids, the tie-break every store uses for equal creation instants. */
    static <T> List<T> sortedByIdText(List<T> rows, Function<T, UUID> id) {
        return rows.stream().sorted(Comparator.comparing(row -> id.apply(row).toString())).toList();
    }

    /** Builds a valid {@link Credential}; a new builder has a random id and hash, {@link #T0} as creation instant. */
    public static final class CredentialBuilder {
        private final OrganizationId organizationId;
        private final ProjectId projectId;
        private final CredentialKind kind;
        private CredentialId id = CredentialId.random();
        private String name;
        private String description;
        private Set<Scope> scopes;
        private TokenHash tokenHash = TestData.tokenHash();
        private String tokenPrefix;
        private Instant createdAt = T0;
        private CredentialId createdBy;
        private Instant expiresAt;
        private Instant lastUsedAt;
        private Instant revokedAt;
        private Instant updatedAt;
        private CredentialId updatedBy;
        private CredentialId rotatedFrom;

        private CredentialBuilder(OrganizationId organizationId, ProjectId projectId, CredentialKind kind) {
            this.organizationId = organizationId;
            this.projectId = projectId;
            this.kind = kind;
            this.tokenPrefix = "gth_" + kind.code() + "_AbCd";
            switch (kind) {
                case API_KEY -> {
                    name = "key " + unique();
                    scopes = EnumSet.of(Scope.ORGANIZATION_READ, Scope.PROJECT_READ);
                }
                case WRITE_TOKEN -> scopes = EnumSet.of(Scope.PROJECT_WRITE_OTLP);
                case READ_TOKEN -> scopes = EnumSet.of(Scope.PROJECT_READ_OTLP);
            }
        }

        /** Sets the id. */
        public CredentialBuilder id(CredentialId value) {
            id = value;
            return this;
        }

        /** Sets the name. */
        public CredentialBuilder name(String value) {
            name = value;
            return this;
        }

        /** Sets the description. */
        public CredentialBuilder description(String value) {
            description = value;
            return this;
        }

        /** Sets the scopes. */
        public CredentialBuilder scopes(Set<Scope> value) {
            scopes = value;
            return this;
        }

        /** Sets the token hash. */
        public CredentialBuilder tokenHash(TokenHash value) {
            tokenHash = value;
            return this;
        }

        /** Sets the display prefix of the token. */
        public CredentialBuilder tokenPrefix(String value) {
            tokenPrefix = value;
            return this;
        }

        /** Sets the creation instant. */
        public CredentialBuilder createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        /** Sets the creating credential. */
        public CredentialBuilder createdBy(CredentialId value) {
            createdBy = value;
            return this;
        }

        /** Sets the expiry. */
        public CredentialBuilder expiresAt(Instant value) {
            expiresAt = value;
            return this;
        }

        /** Sets the last use. */
        public CredentialBuilder lastUsedAt(Instant value) {
            lastUsedAt = value;
            return this;
        }

        /** Sets the revocation instant. */
        public CredentialBuilder revokedAt(Instant value) {
            revokedAt = value;
            return this;
        }

        /** Sets the update instant. */
        public CredentialBuilder updatedAt(Instant value) {
            updatedAt = value;
            return this;
        }

        /** Sets the updating credential. */
        public CredentialBuilder updatedBy(CredentialId value) {
            updatedBy = value;
            return this;
        }

        /** Sets the credential this one replaced by rotation. */
        public CredentialBuilder rotatedFrom(CredentialId value) {
            rotatedFrom = value;
            return this;
        }

        /** The credential. */
        public Credential build() {
            return new Credential(id, organizationId, projectId, kind, name, description, scopes, tokenHash,
                    tokenPrefix, createdAt, createdBy, expiresAt, lastUsedAt, revokedAt, updatedAt, updatedBy,
                    rotatedFrom);
        }
    }
}
