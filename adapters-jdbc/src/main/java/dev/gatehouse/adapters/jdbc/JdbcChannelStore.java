package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.ports.model.Channel;
import dev.gatehouse.ports.model.ChannelConfig;
import dev.gatehouse.ports.model.ChannelId;
import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.OrganizationId;
import dev.gatehouse.ports.model.PagerDutyRegion;
import dev.gatehouse.ports.model.WebhookFormat;
import dev.gatehouse.ports.model.WireEnum;
import dev.gatehouse.ports.out.ChannelStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * Notification channels in {@code channels}, one column per config field, with the recipients of notification and
 * email channels in {@code channel_recipients} by position. The secret column holds whatever the core encrypted;
 * this store never reads it. Thread-safe.
 */
final class JdbcChannelStore implements ChannelStore {

    private static final String COLUMNS = "id, organization_id, label, active, config_type, secret, webhook_format,"
            + " base_url, region, created_at, created_by, updated_at, updated_by";

    /** Channels (the derived table {@code c}) with their recipients, oldest first, recipients in order. */
    private static final String WITH_RECIPIENTS = "SELECT c.id, c.organization_id, c.label, c.active, c.config_type,"
            + " c.secret, c.webhook_format, c.base_url, c.region, c.created_at, c.created_by, c.updated_at,"
            + " c.updated_by, r.position, r.recipient FROM (%s) c"
            + " LEFT JOIN channel_recipients r ON r.channel_id = c.id ORDER BY c.created_at, c.id, r.position";

    private final JdbcTransactions transactions;

    JdbcChannelStore(JdbcTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void insert(Channel channel) {
        Objects.requireNonNull(channel, "channel");
        transactions.write(
                handle -> {
                    Columns columns = Columns.of(channel.config());
                    handle.createUpdate("INSERT INTO channels (" + COLUMNS + ") VALUES (:id, :organizationId,"
                                    + " :label, :active, :configType, :secret, :webhookFormat, :baseUrl, :region,"
                                    + " :createdAt, :createdBy, :updatedAt, :updatedBy)")
                            .bind("id", Sql.uuid(channel.id().value()))
                            .bind("organizationId", Sql.uuid(channel.organizationId().value()))
                            .bind("label", channel.label())
                            .bind("active", channel.active())
                            .bind("configType", channel.config().type())
                            .bind("secret", columns.secret())
                            .bind("webhookFormat", columns.webhookFormat())
                            .bind("baseUrl", columns.baseUrl())
                            .bind("region", columns.region())
                            .bind("createdAt", Sql.instant(channel.createdAt()))
                            .bind("createdBy", Sql.uuid(value(channel.createdBy())))
                            .bind("updatedAt", Sql.instant(channel.updatedAt()))
                            .bind("updatedBy", Sql.uuid(value(channel.updatedBy())))
                            .execute();
                    insertRecipients(handle, channel.id(), columns.recipients());
                    return null;
                },
                failure -> SqlErrors.translate(failure, Map.of(), "channel " + channel.id() + " already exists",
                        "organization " + channel.organizationId() + " does not exist"));
    }

    @Override
    public void update(Channel channel) {
        Objects.requireNonNull(channel, "channel");
        transactions.write(
                handle -> {
                    Columns columns = Columns.of(channel.config());
                    int updated = handle.createUpdate("UPDATE channels SET label = :label, active = :active,"
                                    + " config_type = :configType, secret = :secret, webhook_format = :webhookFormat,"
                                    + " base_url = :baseUrl, region = :region, updated_at = :updatedAt,"
                                    + " updated_by = :updatedBy WHERE id = :id")
                            .bind("id", Sql.uuid(channel.id().value()))
                            .bind("label", channel.label())
                            .bind("active", channel.active())
                            .bind("configType", channel.config().type())
                            .bind("secret", columns.secret())
                            .bind("webhookFormat", columns.webhookFormat())
                            .bind("baseUrl", columns.baseUrl())
                            .bind("region", columns.region())
                            .bind("updatedAt", Sql.instant(channel.updatedAt()))
                            .bind("updatedBy", Sql.uuid(value(channel.updatedBy())))
                            .execute();
                    if (updated == 0) {
                        throw new NotFoundException("channel " + channel.id() + " does not exist");
                    }
                    handle.createUpdate("DELETE FROM channel_recipients WHERE channel_id = :id")
                            .bind("id", Sql.uuid(channel.id().value()))
                            .execute();
                    insertRecipients(handle, channel.id(), columns.recipients());
                    return null;
                },
                failure -> SqlErrors.translate(failure, Map.of(), "channel " + channel.id() + " could not be updated",
                        "channel " + channel.id() + " does not exist"));
    }

    @Override
    public Optional<Channel> findById(ChannelId id) {
        Objects.requireNonNull(id, "id");
        String channels = "SELECT " + COLUMNS + " FROM channels WHERE id = :id";
        return transactions.read(handle -> collect(handle.createQuery(String.format(WITH_RECIPIENTS, channels))
                .bind("id", Sql.uuid(id.value())))).stream().findFirst();
    }

    @Override
    public Optional<Channel> findByIdForUpdate(ChannelId id) {
        Objects.requireNonNull(id, "id");
        String channels = "SELECT " + COLUMNS + " FROM channels WHERE id = :id";
        // Locked first and read by a later statement: one statement that waited for the lock would still see the
        // recipients as they were when it began, before the unit it waited for committed.
        return transactions.read(handle -> RowLock.lock(handle, "channels", id.value())
                        ? collect(handle.createQuery(String.format(WITH_RECIPIENTS, channels))
                                .bind("id", Sql.uuid(id.value())))
                        : List.<Channel>of())
                .stream()
                .findFirst();
    }

    @Override
    public List<Channel> listByOrganization(OrganizationId organization) {
        Objects.requireNonNull(organization, "organization");
        String channels = "SELECT " + COLUMNS + " FROM channels WHERE organization_id = :organizationId";
        return transactions.read(handle -> collect(handle.createQuery(String.format(WITH_RECIPIENTS, channels))
                .bind("organizationId", Sql.uuid(organization.value()))));
    }

    @Override
    public boolean delete(ChannelId id) {
        Objects.requireNonNull(id, "id");
        int deleted = transactions.write(
                handle -> handle.createUpdate("DELETE FROM channels WHERE id = :id")
                        .bind("id", Sql.uuid(id.value()))
                        .execute(),
                failure -> SqlErrors.translate(failure, Map.of(), "channel " + id + " could not be deleted",
                        "channel " + id + " could not be deleted"));
        return deleted > 0;
    }

    private static void insertRecipients(Handle handle, ChannelId channel, List<String> recipients) {
        if (recipients == null || recipients.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("INSERT INTO channel_recipients (channel_id, position, recipient)"
                + " VALUES (:channelId, :position, :recipient)");
        for (int position = 0; position < recipients.size(); position++) {
            batch.bind("channelId", Sql.uuid(channel.value()))
                    .bind("position", position)
                    .bind("recipient", recipients.get(position))
                    .add();
        }
        batch.execute();
    }

    private static List<Channel> collect(Query query) {
        Map<UUID, Row> channels = query.reduceResultSet(new LinkedHashMap<>(), (found, row, context) -> {
            UUID id = Sql.uuid(row, "id");
            Row channel = found.get(id);
            if (channel == null) {
                channel = new Row(row);
                found.put(id, channel);
            }
            String recipient = row.getString("recipient");
            if (recipient != null) {
                channel.recipients.add(recipient);
            }
            return found;
        });
        return channels.values().stream().map(Row::channel).toList();
    }

    private static UUID value(CredentialId id) {
        return id == null ? null : id.value();
    }

    /** The config-specific column values of one config; null where the config's type has no such field. */
    private record Columns(String secret, String webhookFormat, String baseUrl, String region, List<String> recipients) {

        static Columns of(ChannelConfig config) {
            if (config instanceof ChannelConfig.Webhook webhook) {
                return new Columns(webhook.url(), webhook.format().wireName(), null, null, null);
            }
            if (config instanceof ChannelConfig.Opsgenie opsgenie) {
                return new Columns(opsgenie.authKey(), null, opsgenie.baseUrl(), null, null);
            }
            if (config instanceof ChannelConfig.Notification notification) {
                return new Columns(null, null, null, null,
                        notification.recipients().stream().map(UUID::toString).toList());
            }
            if (config instanceof ChannelConfig.Email email) {
                return new Columns(null, null, null, null, email.recipients());
            }
            ChannelConfig.PagerDuty pagerDuty = (ChannelConfig.PagerDuty) config;
            return new Columns(pagerDuty.routingKey(), null, null, pagerDuty.region().wireName(), null);
        }
    }

    /** One channel's columns while its recipient rows are still arriving. */
    private static final class Row {
        private final ChannelId id;
        private final OrganizationId organizationId;
        private final String label;
        private final boolean active;
        private final String configType;
        private final String secret;
        private final String webhookFormat;
        private final String baseUrl;
        private final String region;
        private final Instant createdAt;
        private final CredentialId createdBy;
        private final Instant updatedAt;
        private final CredentialId updatedBy;
        private final List<String> recipients = new ArrayList<>();

        Row(ResultSet row) throws SQLException {
            id = new ChannelId(Sql.uuid(row, "id"));
            organizationId = new OrganizationId(Sql.uuid(row, "organization_id"));
            label = row.getString("label");
            active = row.getBoolean("active");
            configType = row.getString("config_type");
            secret = row.getString("secret");
            webhookFormat = row.getString("webhook_format");
            baseUrl = row.getString("base_url");
            region = row.getString("region");
            createdAt = Sql.instant(row, "created_at");
            createdBy = credentialId(Sql.uuid(row, "created_by"));
            updatedAt = Sql.instant(row, "updated_at");
            updatedBy = credentialId(Sql.uuid(row, "updated_by"));
        }

        Channel channel() {
            return new Channel(id, organizationId, label, active, config(), createdAt, createdBy, updatedAt,
                    updatedBy);
        }

        private ChannelConfig config() {
            return switch (configType) {
                case "webhook" -> new ChannelConfig.Webhook(wireEnum(WebhookFormat.class, webhookFormat), secret);
                case "opsgenie" -> new ChannelConfig.Opsgenie(secret, baseUrl);
                case "notification" -> new ChannelConfig.Notification(recipients.stream().map(UUID::fromString)
                        .toList());
                case "email" -> new ChannelConfig.Email(recipients);
                case "pagerduty" -> new ChannelConfig.PagerDuty(secret, wireEnum(PagerDutyRegion.class, region));
                default -> throw new IllegalStateException("the database holds an unknown channel type: " + configType);
            };
        }

        private static CredentialId credentialId(UUID value) {
            return value == null ? null : new CredentialId(value);
        }

        private static <E extends Enum<E> & WireEnum> E wireEnum(Class<E> type, String stored) {
            for (E constant : type.getEnumConstants()) {
                if (constant.wireName().equals(stored)) {
                    return constant;
                }
            }
            throw new IllegalStateException("the database holds an unknown " + type.getSimpleName() + ": " + stored);
        }
    }
}
