package dev.gatehouse.ports.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A permission a credential holds: every scope of the Logfire public API, spelled on the wire as {@code area:action}. */
public enum Scope {
    INSTANCE_ADMIN("instance:admin"),
    INSTANCE_BILLING("instance:billing"),
    ORGANIZATION_ADMIN("organization:admin"),
    ORGANIZATION_READ("organization:read"),
    ORGANIZATION_CREATE_PROJECT("organization:create_project"),
    ORGANIZATION_WRITE("organization:write"),
    ORGANIZATION_SCIM("organization:scim"),
    ORGANIZATION_READ_INVITATION("organization:read_invitation"),
    ORGANIZATION_WRITE_INVITATION("organization:write_invitation"),
    ORGANIZATION_READ_MEMBER("organization:read_member"),
    ORGANIZATION_WRITE_MEMBER("organization:write_member"),
    ORGANIZATION_READ_CHANNEL("organization:read_channel"),
    ORGANIZATION_WRITE_CHANNEL("organization:write_channel"),
    ORGANIZATION_CREATE_API_KEY("organization:create_api_key"),
    ORGANIZATION_READ_API_KEY("organization:read_api_key"),
    ORGANIZATION_WRITE_API_KEY("organization:write_api_key"),
    ORGANIZATION_AUDITLOG("organization:auditlog"),
    ORGANIZATION_PAYMENT("organization:payment"),
    ORGANIZATION_READ_TRUST_POLICY("organization:read_trust_policy"),
    ORGANIZATION_WRITE_TRUST_POLICY("organization:write_trust_policy"),
    PROJECT_READ("project:read"),
    PROJECT_WRITE("project:write"),
    PROJECT_WRITE_TOKEN("project:write_token"),
    PROJECT_READ_TOKEN("project:read_token"),
    PROJECT_READ_DASHBOARD("project:read_dashboard"),
    PROJECT_WRITE_DASHBOARD("project:write_dashboard"),
    PROJECT_READ_ALERT("project:read_alert"),
    PROJECT_WRITE_ALERT("project:write_alert"),
    PROJECT_READ_DATASETS("project:read_datasets"),
    PROJECT_WRITE_DATASETS("project:write_datasets"),
    PROJECT_READ_VARIABLES("project:read_variables"),
    PROJECT_WRITE_VARIABLES("project:write_variables"),
    PROJECT_READ_EXTERNAL_VARIABLES("project:read_external_variables"),
    PROJECT_GATEWAY_PROXY("project:gateway_proxy"),
    PROJECT_READ_OTLP("project:read_otlp"),
    PROJECT_WRITE_OTLP("project:write_otlp"),
    PROJECT_READ_API_KEY("project:read_api_key"),
    PROJECT_WRITE_API_KEY("project:write_api_key");

    private static final Map<String, Scope> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Scope::wireName, Function.identity()));

    private final String wireName;

    Scope(String wireName) {
        this.wireName = wireName;
    }

    /** The scope as the wire format spells it, for example {@code project:write_token}. */
    public String wireName() {
        return wireName;
    }

    /** Whether this scope acts on a project (and so is limited by a credential's project binding). */
    public boolean isProjectScope() {
        return wireName.startsWith("project:");
    }

    /** The scope spelled {@code wireName}, or empty when no scope is spelled so. */
    public static Optional<Scope> fromWireName(String wireName) {
        return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
