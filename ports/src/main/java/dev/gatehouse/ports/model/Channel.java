package dev.gatehouse.ports.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A notification channel of an organization, which alerts deliver to.
 *
 * @param createdBy the credential that created it, or null for an operator
 * @param updatedAt null until the first update
 */
public record Channel(
        ChannelId id,
        OrganizationId organizationId,
        String label,
        boolean active,
        ChannelConfig config,
        Instant createdAt,
        CredentialId createdBy,
        Instant updatedAt,
        CredentialId updatedBy) {

    public Channel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(config, "config");
        createdAt = Timestamps.micros(Objects.requireNonNull(createdAt, "createdAt"));
        updatedAt = Timestamps.micros(updatedAt);
    }
}
