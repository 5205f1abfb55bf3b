package dev.gatehouse.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.ports.model.AuditEntry;
import dev.gatehouse.ports.model.AuditEntryView;
import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.model.CredentialView;
import dev.gatehouse.ports.model.GatewayProxyClaims;
import dev.gatehouse.ports.model.IssuedCredential;
import dev.gatehouse.ports.model.Organization;
import dev.gatehouse.ports.model.Project;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.ScopeClaims;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The response bodies, one record per schema of the reference, named as the reference names them; the mapper
 * writes their components in snake_case. Fields beyond the reference are marked so and only ever added.
 */
final class Wire {

    private Wire() {
    }

    /** {@code {"detail": "..."}} or, for validation, {@code {"detail": [...]}}. */
    record Detail(Object detail) {
    }

    record Health(String status) {
    }

    /** ProjectRead, plus {@code environment}. */
    record ProjectRead(UUID id, String projectName, Instant createdAt, String description, String organizationName,
                       String visibility, String environment) {

        static ProjectRead of(Project project, Organization organization) {
            return new ProjectRead(project.id().value(), project.name(), project.createdAt(), project.description(),
                    organization.name(), project.visibility().wireName(), project.environment().wireName());
        }
    }

    /** ProjectListRead, plus {@code environment}. */
    record ProjectListRead(UUID id, String projectName, Instant createdAt, String description,
                           String organizationName, String visibility, Instant updatedAt, String environment) {

        static ProjectListRead of(Project project, Organization organization) {
            return new ProjectListRead(project.id().value(), project.name(), project.createdAt(),
                    project.description(), organization.name(), project.visibility().wireName(),
                    project.updatedAt(), project.environment().wireName());
        }
    }

    /** CreateWriteTokenOutput and ReadTokenPublicAPIRead, which have the same fields. */
    record TokenCreated(UUID id, UUID projectId, Instant createdAt, String description, Instant expiresAt,
                        String token) {

        static TokenCreated of(IssuedCredential issued) {
            Credential credential = issued.credential();
            return new TokenCreated(credential.id().value(), uuid(credential.projectId()), credential.createdAt(),
                    credential.description(), credential.expiresAt(), issued.token());
        }
    }

    /** WriteTokenRead and ReadTokenRead, which have the same fields, plus {@code last_used_at} and {@code revoked_at}. */
    record TokenRead(UUID id, UUID projectId, Instant createdAt, String description, Instant expiresAt,
                     String projectName, String createdByName, String tokenPrefix, boolean active,
                     Instant lastUsedAt, Instant revokedAt) {

        static TokenRead of(CredentialView view, Instant now) {
            Credential credential = view.credential();
            return new TokenRead(credential.id().value(), uuid(credential.projectId()), credential.createdAt(),
                    credential.description(), credential.expiresAt(), view.projectName(), view.createdByName(),
                    credential.tokenPrefix(), credential.isActiveAt(now), credential.lastUsedAt(),
                    credential.revokedAt());
        }
    }

    /** APIKeyRead, plus {@code token_prefix} and {@code revoked_at}; {@code user_id} is always null (no users here). */
    record ApiKeyRead(UUID id, UUID organizationId, String name, String description, List<String> scopes,
                      UUID projectId, String projectName, boolean allProjects, UUID createdBy, String createdByName,
                      Instant createdAt, Instant lastUsedAt, Instant expiresAt, UUID userId, boolean active,
                      Instant updatedAt, UUID updatedBy, String tokenPrefix, Instant revokedAt, ApiKeyClaims claims) {

        static ApiKeyRead of(CredentialView view, Instant now) {
            Credential credential = view.credential();
            return new ApiKeyRead(credential.id().value(), credential.organizationId().value(), credential.name(),
                    credential.description(), credential.scopes().stream().map(Scope::wireName).toList(),
                    uuid(credential.projectId()), view.projectName(), credential.allProjects(),
                    uuid(credential.createdBy()), view.createdByName(), credential.createdAt(),
                    credential.lastUsedAt(), credential.expiresAt(), null, credential.isActiveAt(now),
                    credential.updatedAt(), uuid(credential.updatedBy()), credential.tokenPrefix(),
                    credential.revokedAt(), ApiKeyClaims.of(credential.claims()));
        }
    }

    /** APIKeyClaims: the claims of each scope that has any, {@code {}} for none. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ApiKeyClaims(@JsonProperty("project:gateway_proxy") GatewayKeySettings gatewayProxy) {

        static ApiKeyClaims of(ScopeClaims claims) {
            GatewayProxyClaims gateway = claims.gatewayProxy();
            return new ApiKeyClaims(gateway.isEmpty() ? null : new GatewayKeySettings(gateway.spendingLimitDaily(),
                    gateway.spendingLimitWeekly(), gateway.spendingLimitMonthly(), gateway.spendingLimitTotal(),
                    gateway.cacheEnabled()));
        }
    }

    /** GatewayKeySettings: every member written, null meaning no limit or the project's default. */
    record GatewayKeySettings(Long spendingLimitDaily, Long spendingLimitWeekly, Long spendingLimitMonthly,
                              Long spendingLimitTotal, Boolean cacheEnabled) {
    }

    /** APIKeyCreateOutput. */
    record ApiKeyCreateOutput(ApiKeyRead apiKey, String token) {

        static ApiKeyCreateOutput of(IssuedCredential issued, Instant now) {
            return new ApiKeyCreateOutput(ApiKeyRead.of(issued.view(), now), issued.token());
        }
    }

    /** What {@code /v1/info} tells a write token about its project. */
    record WriteTokenInfo(String projectName, UUID projectId) {
    }

    /** What {@code /v1/read-token-info} tells a read token about itself. */
    record ReadTokenInfo(UUID tokenId, UUID projectId, String projectName, UUID organizationId,
                         String organizationName) {
    }

    /** AuditLogInfoRead; {@code ip_address} is always null, as Gatehouse records no addresses. */
    record AuditLogInfoRead(UUID id, Instant createdAt, String organizationName, String projectName, String userName,
                            String action, String resourceType, String recordId, String ipAddress) {

        static AuditLogInfoRead of(AuditEntryView view) {
            AuditEntry entry = view.entry();
            return new AuditLogInfoRead(entry.id().value(), entry.createdAt(), view.organizationName(),
                    view.projectName(), view.actorName(), entry.action().name(), entry.resourceType(),
                    entry.recordId(), null);
        }
    }

    /** AuditLogDetailRead: the info fields and {@code metadata}, as {@link AuditMetadata} describes it. */
    record AuditLogDetailRead(UUID id, Instant createdAt, String organizationName, String projectName, String userName,
                              String action, String resourceType, String recordId, String ipAddress,
                              JsonNode metadata) {

        static AuditLogDetailRead of(AuditEntryView view) {
            AuditLogInfoRead info = AuditLogInfoRead.of(view);
            return new AuditLogDetailRead(info.id(), info.createdAt(), info.organizationName(), info.projectName(),
                    info.userName(), info.action(), info.resourceType(), info.recordId(), info.ipAddress(),
                    AuditMetadata.of(view.entry()));
        }
    }

    private static UUID uuid(ProjectId id) {
        return id == null ? null : id.value();
    }

    private static UUID uuid(CredentialId id) {
        return id == null ? null : id.value();
    }
}
