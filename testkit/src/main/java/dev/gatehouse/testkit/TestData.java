package dev.gatehouse.testkit;

import dev.gatehouse.ports.model.Alert;
import dev.gatehouse.ports.model.AlertId;
import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.AuditEntryId;
import dev.gatehouse.ports.model.Channel;
import dev.gatehouse.ports.model.ChannelAssignment;
import dev.gatehouse.ports.model.ChannelConfig;
import dev.gatehouse.ports.model.ChannelId;
import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.Dashboard;
import dev.gatehouse.ports.model.DashboardId;
import dev.gatehouse.ports.model.Environment;
import dev.gatehouse.ports.model.NotifyWhen;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.OrganizationId;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Rollout;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.ScopeClaims;
import dev.gatehouse.ports.model.TokenHash;
import dev.gatehouse.ports.model.Variable;
import dev.gatehouse.ports.model.VariableId;
import dev.gatehouse.ports.model.Visibility;
import dev.gatehouse.ports.model.WebhookFormat;
import java.security.SecureRandom;
import java.time.Duration;
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
        builder.claims = credential.claims();
        return builder;
    }

    /** An audit entry of {@code organization} with no project, record, actor or changes. */
    public static AuditEntry auditEntry(OrganizationId organization, AuditAction action, Instant createdAt) {
        return new AuditEntry(AuditEntryId.random(), organization, null, action, "project", null, null, createdAt,
                List.of());
    }

    /**
     * A new active webhook channel of {@code organization}, created at {@link #T0} by an operator, whose URL holds
     * an opaque stand-in for the ciphertext the core would store.
     */
    public static Channel channel(OrganizationId organization) {
        return channel(organization, new ChannelConfig.Webhook(WebhookFormat.AUTO, "v1:" + unique()), T0);
    }

    /** A new active channel of {@code organization} labelled uniquely, with {@code config}, created at {@code createdAt}. */
    public static Channel channel(OrganizationId organization, ChannelConfig config, Instant createdAt) {
        return new Channel(ChannelId.random(), organization, "channel " + unique(), true, config, createdAt, null,
                null, null);
    }

    /**
     * A new active alert of {@code project} with a unique name and no channels, never run, created at {@link #T0} by
     * an operator.
     */
    public static Alert alert(Project project) {
        return alert(project, "alert " + unique(), T0, List.of());
    }

    /** A new active alert of {@code project} named {@code name}, notifying {@code channels}, never run. */
    public static Alert alert(Project project, String name, Instant createdAt, List<ChannelAssignment> channels) {
        return new Alert(AlertId.random(), project.organizationId(), project.id(), name, "an alert",
                "SELECT count(*) FROM records WHERE level = 'error'", Duration.ofMinutes(5), Duration.ofMinutes(1),
                Duration.ZERO, NotifyWhen.HAS_MATCHES, true, channels, createdAt, null, null, null, null);
    }

    /** A definition as canonical JSON text: a dashboard with one panel laid out on a grid. */
    public static String dashboardDefinition(String panelTitle) {
        return "{\"kind\":\"Dashboard\",\"metadata\":{\"name\":\"d\",\"project\":\"p\"},\"spec\":{"
                + "\"display\":{\"name\":\"d\"},\"duration\":\"1h\",\"layouts\":[{\"kind\":\"Grid\",\"spec\":"
                + "{\"items\":[{\"content\":{\"$ref\":\"#/spec/panels/a\"},\"height\":6,\"width\":12,\"x\":0,"
                + "\"y\":0}]}}],\"panels\":{\"a\":{\"kind\":\"Panel\",\"spec\":{\"display\":{\"name\":"
                + quoted(panelTitle) + "},\"plugin\":{\"kind\":\"TimeSeriesChart\",\"spec\":{}}}}},"
                + "\"refreshInterval\":\"0s\",\"variables\":[]}}";
    }

    /** A new dashboard of {@code project} with a unique slug, at version 1, created at {@link #T0} by an operator. */
    public static Dashboard dashboard(ProjectId project) {
        return dashboard(project, "dash-" + unique(), T0);
    }

    /** A new dashboard of {@code project} with {@code slug}, at version 1, created at {@code createdAt} by an operator. */
    public static Dashboard dashboard(ProjectId project, String slug, Instant createdAt) {
        return new Dashboard(DashboardId.random(), project, "Dashboard " + slug, slug, dashboardDefinition(slug),
                Dashboard.FIRST_VERSION, createdAt, null, null, null);
    }

    /**
     * A new variable of {@code project} with a unique name and nothing else: no labels, versions, overrides or
     * schema, rolled out to the code default, created and updated at {@link #T0} by an operator.
     */
    public static Variable variable(ProjectId project) {
        return variable(project, "var_" + unique().replace('-', '_'), T0);
    }

    /** A new bare variable of {@code project} named {@code name}, created and updated at {@code createdAt}. */
    public static Variable variable(ProjectId project, String name, Instant createdAt) {
        return new Variable(VariableId.random(), project, name, null, null, null, Rollout.none(), List.of(), null,
                null, false, List.of(), List.of(), createdAt, null, createdAt, null);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
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
        private ScopeClaims claims = ScopeClaims.NONE;

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

        /** Sets the settings its scopes carry. */
        public CredentialBuilder claims(ScopeClaims value) {
            claims = value;
            return this;
        }

        /** The credential. */
        public Credential build() {
            return new Credential(id, organizationId, projectId, kind, name, description, scopes, tokenHash,
                    tokenPrefix, createdAt, createdBy, expiresAt, lastUsedAt, revokedAt, updatedAt, updatedBy,
                    rotatedFrom, claims);
        }
    }
}
