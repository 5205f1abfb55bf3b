package dev.gatehouse.core;

import dev.gatehouse.ports.in.ChannelUpdate;
import dev.gatehouse.ports.in.Channels;
import dev.gatehouse.ports.in.NewChannel;
import dev.gatehouse.ports.model.Alert;
import dev.gatehouse.ports.model.AuditAction;
import dev.gatehouse.ports.model.Change;
import dev.gatehouse.ports.model.Channel;
import dev.gatehouse.ports.model.ChannelAssignment;
import dev.gatehouse.ports.model.ChannelConfig;
import dev.gatehouse.ports.model.ChannelId;
import dev.gatehouse.ports.model.ChannelRules;
import dev.gatehouse.ports.model.ChannelView;
import dev.gatehouse.ports.model.ForbiddenException;
import dev.gatehouse.ports.model.InvalidInputException;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.out.ChannelStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link Channels} use cases: secrets are encrypted before they reach the store and masked in every view, and the
 * audit log records only that a secret was set or changed. Thread-safe.
 */
final class ChannelService implements Channels {

    static final String RESOURCE_TYPE = "channel";

    /** The first part of what the audit log records for a secret field instead of its value. */
    static final String SECRET_MARKER = "set, version ";

    private final Env env;
    private final ChannelCodec codec;

    ChannelService(Env env, ChannelCodec codec) {
        this.env = env;
        this.codec = codec;
    }

    @Override
    public List<ChannelView> list(Principal caller) {
        Access.require(caller, Scope.ORGANIZATION_READ_CHANNEL);
        return views(store().listByOrganization(caller.organizationId()));
    }

    @Override
    public ChannelView get(Principal caller, ChannelId id) {
        Access.require(caller, Scope.ORGANIZATION_READ_CHANNEL);
        return views(List.of(visible(caller, id))).get(0);
    }

    @Override
    public ChannelView create(Principal caller, NewChannel command) {
        Objects.requireNonNull(command, "command");
        Access.require(caller, Scope.ORGANIZATION_WRITE_CHANNEL);
        requireOrganizationWide(caller);
        ChannelId id = ChannelId.random();
        requireNotMasked(command.config());
        ChannelConfig stored = codec.encrypt(command.config(), id);
        return env.storage().transactions().inTransaction(() -> {
            Instant now = env.now();
            Channel channel = new Channel(id, caller.organizationId(), command.label(), true, stored, now,
                    caller.credentialId(), null, null);
            store().insert(channel);
            AuditTrail.Fields fields = new AuditTrail.Fields()
                    .set("label", channel.label())
                    .set("active", channel.active());
            ChannelCodec.publicFields(stored).forEach(fields::set);
            String secret = secretAuditName(stored);
            if (secret != null) {
                fields.set(secret, secretMarker(stored));
            }
            audit(channel, AuditAction.INSERT, caller, now, fields);
            return views(List.of(channel)).get(0);
        });
    }

    @Override
    public ChannelView update(Principal caller, ChannelId id, ChannelUpdate update) {
        Objects.requireNonNull(update, "update");
        Access.require(caller, Scope.ORGANIZATION_WRITE_CHANNEL);
        requireOrganizationWide(caller);
        return env.storage().transactions().inTransaction(() -> {
            Channel current = visibleForUpdate(caller, id);
            String label = update.label().applyTo(current.label());
            boolean active = update.active().applyTo(current.active());
            ChannelConfig config = update.config() instanceof Change.SetTo<ChannelConfig> set
                    ? replacement(current, set.value())
                    : current.config();
            AuditTrail.Fields fields = new AuditTrail.Fields()
                    .change("label", current.label(), label)
                    .change("active", current.active(), active);
            auditConfigChange(current.config(), config, fields);
            if (fields.isEmpty()) {
                return views(List.of(current)).get(0);
            }
            Instant now = env.now();
            Channel updated = new Channel(current.id(), current.organizationId(), label, active, config,
                    current.createdAt(), current.createdBy(), now, caller.credentialId());
            store().update(updated);
            audit(updated, AuditAction.UPDATE, caller, now, fields);
            return views(List.of(updated)).get(0);
        });
    }

    @Override
    public void delete(Principal caller, ChannelId id) {
        Access.require(caller, Scope.ORGANIZATION_WRITE_CHANNEL);
        requireOrganizationWide(caller);
        env.storage().transactions().run(() -> {
            // Locked first, so that an alert update assigning the channel (which holds a key-share lock on it until it
            // commits) is waited for and its alert listed here, rather than detached by the delete unannounced.
            Channel channel = visibleForUpdate(caller, id);
            List<Alert> detached = alertsNotifying(channel);
            store().delete(channel.id());
            Instant now = env.now();
            AuditTrail.Fields fields = new AuditTrail.Fields()
                    .removed("label", channel.label())
                    .removed("active", channel.active());
            ChannelCodec.publicFields(channel.config()).forEach(fields::removed);
            String secret = secretAuditName(channel.config());
            if (secret != null) {
                fields.removed(secret, secretMarker(channel.config()));
            }
            audit(channel, AuditAction.DELETE, caller, now, fields);
            detached.forEach(alert -> auditDetachedFrom(alert, channel.id(), caller, now));
        });
    }

    /** The alerts, in any project of the channel's organization, that the deletion of {@code channel} changes. */
    private List<Alert> alertsNotifying(Channel channel) {
        return env.storage().projects().listByOrganization(channel.organizationId()).stream()
                .flatMap(project -> env.storage().alerts().listByProject(project.id()).stream())
                .filter(alert -> alert.channelIds().contains(channel.id()))
                .toList();
    }

    /** Records the change the store made to {@code alert} when it deleted {@code channel}: one channel fewer. */
    private void auditDetachedFrom(Alert alert, ChannelId channel, Principal caller, Instant now) {
        List<ChannelAssignment> remaining = alert.channels().stream()
                .filter(assignment -> !assignment.channelId().equals(channel))
                .toList();
        AlertAudit.record(env, alert, AuditAction.UPDATE, caller, now, new AuditTrail.Fields()
                .change("channels", AlertAudit.channelsText(alert.channels()), AlertAudit.channelsText(remaining)));
    }

    /**
     * Channels as they may be shown: secrets masked, creator and updater named. Other services that show channels
     * (an alert's) use this too, so that no path returns a secret.
     */
    List<ChannelView> views(List<Channel> channels) {
        ActorNames names = new ActorNames(env.storage().credentials());
        return channels.stream().map(channel -> {
            Channel masked = new Channel(channel.id(), channel.organizationId(), channel.label(), channel.active(),
                    codec.masked(channel.config(), channel.id()), channel.createdAt(), channel.createdBy(),
                    channel.updatedAt(), channel.updatedBy());
            return new ChannelView(masked, names.nameOf(channel.createdBy()), names.nameOf(channel.updatedBy()));
        }).toList();
    }

    /**
     * The stored form of {@code requested}, replacing {@code current}'s config: an empty secret keeps the stored
     * ciphertext, an unchanged secret keeps it too (so that re-sending a config changes nothing), and a new one is
     * encrypted.
     */
    private ChannelConfig replacement(Channel current, ChannelConfig requested) {
        String secret = ChannelCodec.secretOf(requested);
        if (secret == null) {
            return requested;
        }
        boolean sameType = current.config().type().equals(requested.type());
        if (ChannelRules.keepsStoredSecret(secret)) {
            if (!sameType) {
                String field = ChannelCodec.secretField(requested);
                throw new InvalidInputException("config." + requested.type() + "." + field, "missing",
                        "The channel is not a " + requested.type() + " channel, so there is no stored " + field
                                + " to keep: give one");
            }
            return ChannelCodec.withSecret(requested, ChannelCodec.secretOf(current.config()));
        }
        String stored = sameType ? codec.decryptSecret(current.config(), current.id()) : null;
        if (stored != null && (secret.equals(stored) || secret.equals(ChannelCodec.mask(current.config(), stored)))) {
            // Sent back as it was stored, or as it was shown: a client that read the channel and wrote it back.
            return ChannelCodec.withSecret(requested, ChannelCodec.secretOf(current.config()));
        }
        requireNotMasked(requested);
        return codec.encrypt(requested, current.id());
    }

    /**
     * Refuses a credential bound to one project: channels belong to the organization and serve every project's
     * alerts, so such a credential could redirect or silence another project's notifications.
     */
    private static void requireOrganizationWide(Principal caller) {
        if (caller.projectId() != null) {
            throw new ForbiddenException("A credential bound to one project cannot change the organization's"
                    + " channels, which every project's alerts use");
        }
    }

    /** Refuses a secret that holds the mask: one shown for another channel, which would be stored as the secret. */
    private static void requireNotMasked(ChannelConfig config) {
        String secret = ChannelCodec.secretOf(config);
        if (secret != null && secret.contains(ChannelCodec.MASK)) {
            String field = ChannelCodec.secretField(config);
            throw new InvalidInputException("config." + config.type() + "." + field, "value_error",
                    "Value error, " + field + " is masked as Gatehouse shows it, not the secret itself: give the "
                            + "secret, or an empty " + field + " to keep the stored one");
        }
    }

    /** Adds the config's changed public fields, and a marker for a secret that was set, changed or removed. */
    private static void auditConfigChange(ChannelConfig before, ChannelConfig after, AuditTrail.Fields fields) {
        Map<String, Object> old = ChannelCodec.publicFields(before);
        Map<String, Object> now = ChannelCodec.publicFields(after);
        Set<String> names = new LinkedHashSet<>(old.keySet());
        names.addAll(now.keySet());
        for (String name : names) {
            fields.change(name, old.get(name), now.get(name));
        }
        String oldName = secretAuditName(before);
        String newName = secretAuditName(after);
        if (Objects.equals(oldName, newName)) {
            // Stored forms are compared: an unchanged secret keeps its ciphertext, a changed one gets a new nonce.
            if (newName != null && !ChannelCodec.secretOf(before).equals(ChannelCodec.secretOf(after))) {
                fields.change(newName, secretMarker(before), secretMarker(after));
            }
            return;
        }
        if (oldName != null) {
            fields.removed(oldName, secretMarker(before));
        }
        if (newName != null) {
            fields.set(newName, secretMarker(after));
        }
    }

    /** The audit name of the config's secret field ({@code config.url}), or null for a type without one. */
    /**
     * What the audit log records for a stored secret: {@code set, version 1a2b3c4d}, the version being the start of
     * the SHA-256 of its ciphertext (under a random nonce), which tells one stored secret from the next without
     * telling anything of either.
     */
    private static String secretMarker(ChannelConfig stored) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(ChannelCodec.secretOf(stored).getBytes(StandardCharsets.UTF_8));
            return SECRET_MARKER + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException everyJdkHasIt) {
            throw new IllegalStateException(everyJdkHasIt);
        }
    }

    private static String secretAuditName(ChannelConfig config) {
        String field = ChannelCodec.secretField(config);
        return field == null ? null : "config." + field;
    }

    /** The channel if it belongs to the caller's organization; otherwise it does not exist for them. */
    private Channel visible(Principal caller, ChannelId id) {
        return visible(caller, store().findById(Objects.requireNonNull(id, "id")));
    }

    /** As {@link #visible(Principal, ChannelId)}, and locked until the unit of work ends: for an update. */
    private Channel visibleForUpdate(Principal caller, ChannelId id) {
        return visible(caller, store().findByIdForUpdate(Objects.requireNonNull(id, "id")));
    }

    private static Channel visible(Principal caller, Optional<Channel> found) {
        return found.filter(channel -> channel.organizationId().equals(caller.organizationId()))
                .orElseThrow(() -> new NotFoundException("Channel not found"));
    }

    private void audit(Channel channel, AuditAction action, Principal caller, Instant now, AuditTrail.Fields fields) {
        env.audit().record(channel.organizationId(), null, action, RESOURCE_TYPE, channel.id(), caller, now, fields);
    }

    private ChannelStore store() {
        return env.storage().channels();
    }
}
