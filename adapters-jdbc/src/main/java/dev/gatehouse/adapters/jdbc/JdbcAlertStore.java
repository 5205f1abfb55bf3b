package dev.gatehouse.adapters.jdbc;

import dev.gatehouse.ports.model.Alert;
import dev.gatehouse.ports.model.AlertId;
import dev.gatehouse.ports.model.AlertRun;
import dev.gatehouse.ports.model.ChannelAssignment;
import dev.gatehouse.ports.model.ChannelId;
import dev.gatehouse.ports.model.CredentialId;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.NotifyWhen;
import dev.gatehouse.ports.model.OrganizationId;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.out.AlertStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
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
import org.jdbi.v3.core.statement.Update;

/**
 * Alerts in the {@code alerts} table with their channels in {@code alert_channels} by position; the schema cascades a
 * project's deletion to its alerts and a channel's to its assignments. Reads join the two tables in one statement, so
 * that an alert is never seen with another moment's channels. Thread-safe.
 */
final class JdbcAlertStore implements AlertStore {

    private static final String COLUMNS = "id, organization_id, project_id, name, description, query,"
            + " time_window_seconds, frequency_seconds, watermark_seconds, notify_when, active, created_at, created_by,"
            + " updated_at, updated_by, last_run, has_matches, has_errors, result, result_length";

    /** Alerts (the derived table {@code a}) with their channels, in list order and then channel order. */
    private static final String WITH_CHANNELS = "SELECT a.id, a.organization_id, a.project_id, a.name,"
            + " a.description, a.query, a.time_window_seconds, a.frequency_seconds, a.watermark_seconds,"
            + " a.notify_when, a.active, a.created_at, a.created_by, a.updated_at, a.updated_by, a.last_run,"
            + " a.has_matches, a.has_errors, a.result, a.result_length, c.channel_id, c.schedule_id"
            + " FROM (SELECT " + COLUMNS + " FROM alerts WHERE %s) a"
            + " LEFT JOIN alert_channels c ON c.alert_id = a.id"
            + " ORDER BY a.created_at, a.id, c.position";

    private static final String NAME_TAKEN = "uq_alerts_project_name";

    private final JdbcTransactions transactions;

    JdbcAlertStore(JdbcTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void insert(Alert alert) {
        Objects.requireNonNull(alert, "alert");
        transactions.write(
                handle -> {
                    bindMutableFields(handle.createUpdate("INSERT INTO alerts (" + COLUMNS + ") VALUES (:id,"
                                    + " :organizationId, :projectId, :name, :description, :query, :timeWindow,"
                                    + " :frequency, :watermark, :notifyWhen, :active, :createdAt, :createdBy,"
                                    + " :updatedAt, :updatedBy, :lastRun, :hasMatches, :hasErrors, :result,"
                                    + " :resultLength)"), alert)
                            .bind("id", Sql.uuid(alert.id().value()))
                            .bind("organizationId", Sql.uuid(alert.organizationId().value()))
                            .bind("projectId", Sql.uuid(alert.projectId().value()))
                            .bind("createdAt", Sql.instant(alert.createdAt()))
                            .bind("createdBy", Sql.uuid(Rows.value(alert.createdBy())))
                            .execute();
                    return insertChannels(handle, alert.id(), alert.organizationId(), alert.channels());
                },
                failure -> SqlErrors.translate(failure, Map.of(NAME_TAKEN, nameTaken(alert)),
                        "alert " + alert.id() + " already exists",
                        "project " + alert.projectId() + " or one of the alert's channels does not exist in"
                                + " organization " + alert.organizationId()));
    }

    @Override
    public void update(Alert alert) {
        Objects.requireNonNull(alert, "alert");
        boolean found = transactions.write(
                handle -> {
                    Optional<UUID> organization = handle.createQuery("SELECT organization_id FROM alerts WHERE id = :id")
                            .bind("id", Sql.uuid(alert.id().value()))
                            .map((row, context) -> Sql.uuid(row, "organization_id"))
                            .findOne();
                    if (organization.isEmpty()) {
                        return false;
                    }
                    bindMutableFields(handle.createUpdate("UPDATE alerts SET name = :name,"
                                    + " description = :description, query = :query, time_window_seconds = :timeWindow,"
                                    + " frequency_seconds = :frequency, watermark_seconds = :watermark,"
                                    + " notify_when = :notifyWhen, active = :active, updated_at = :updatedAt,"
                                    + " updated_by = :updatedBy, last_run = :lastRun, has_matches = :hasMatches,"
                                    + " has_errors = :hasErrors, result = :result, result_length = :resultLength"
                                    + " WHERE id = :id"), alert)
                            .bind("id", Sql.uuid(alert.id().value()))
                            .execute();
                    handle.createUpdate("DELETE FROM alert_channels WHERE alert_id = :id")
                            .bind("id", Sql.uuid(alert.id().value()))
                            .execute();
                    insertChannels(handle, alert.id(), new OrganizationId(organization.get()), alert.channels());
                    return true;
                },
                failure -> SqlErrors.translate(failure, Map.of(NAME_TAKEN, nameTaken(alert)), nameTaken(alert),
                        "one of the channels of alert " + alert.id() + " does not exist in its organization"));
        if (!found) {
            throw new NotFoundException("alert " + alert.id() + " does not exist");
        }
    }

    @Override
    public Optional<Alert> findById(AlertId id) {
        Objects.requireNonNull(id, "id");
        return transactions.read(handle -> collect(handle.createQuery(String.format(WITH_CHANNELS, "id = :id"))
                        .bind("id", Sql.uuid(id.value()))))
                .stream()
                .findFirst();
    }

    @Override
    public Optional<Alert> findByIdForUpdate(AlertId id) {
        Objects.requireNonNull(id, "id");
        // Locked first and read by a later statement: one statement that waited for the lock would still see the
        // channels as they were when it began, before the unit it waited for committed.
        return transactions.read(handle -> RowLock.lock(handle, "alerts", id.value())
                        ? collect(handle.createQuery(String.format(WITH_CHANNELS, "id = :id"))
                                .bind("id", Sql.uuid(id.value())))
                        : List.<Alert>of())
                .stream()
                .findFirst();
    }

    @Override
    public Optional<Alert> findByName(ProjectId project, String name) {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(name, "name");
        return transactions.read(handle -> collect(handle.createQuery(String.format(WITH_CHANNELS,
                                "project_id = :projectId AND name = :name"))
                        .bind("projectId", Sql.uuid(project.value()))
                        .bind("name", name)))
                .stream()
                .findFirst();
    }

    @Override
    public List<Alert> listByProject(ProjectId project) {
        Objects.requireNonNull(project, "project");
        return transactions.read(handle -> collect(handle.createQuery(String.format(WITH_CHANNELS,
                        "project_id = :projectId"))
                .bind("projectId", Sql.uuid(project.value()))));
    }

    @Override
    public boolean delete(AlertId id) {
        Objects.requireNonNull(id, "id");
        int deleted = transactions.write(
                handle -> handle.createUpdate("DELETE FROM alerts WHERE id = :id")
                        .bind("id", Sql.uuid(id.value()))
                        .execute(),
                failure -> SqlErrors.translate(failure, Map.of(), "alert " + id + " could not be deleted",
                        "alert " + id + " could not be deleted"));
        return deleted > 0;
    }

    private static int[] insertChannels(Handle handle, AlertId alert, OrganizationId organization,
            List<ChannelAssignment> channels) {
        if (channels.isEmpty()) {
            return new int[0];
        }
        PreparedBatch batch = handle.prepareBatch("INSERT INTO alert_channels (alert_id, channel_id, organization_id,"
                + " position, schedule_id) VALUES (:alertId, :channelId, :organizationId, :position, :scheduleId)");
        for (int position = 0; position < channels.size(); position++) {
            ChannelAssignment assignment = channels.get(position);
            batch.bind("alertId", Sql.uuid(alert.value()))
                    .bind("channelId", Sql.uuid(assignment.channelId().value()))
                    .bind("organizationId", Sql.uuid(organization.value()))
                    .bind("position", position)
                    .bind("scheduleId", Sql.uuid(assignment.scheduleId()))
                    .add();
        }
        return batch.execute();
    }

    private static List<Alert> collect(Query query) {
        Map<UUID, Builder> alerts = query.reduceResultSet(new LinkedHashMap<>(), (found, row, context) -> {
            UUID id = Sql.uuid(row, "id");
            Builder builder = found.get(id);
            if (builder == null) {
                builder = new Builder(row);
                found.put(id, builder);
            }
            UUID channel = Sql.uuid(row, "channel_id");
            if (channel != null) {
                builder.channels.add(new ChannelAssignment(new ChannelId(channel), Sql.uuid(row, "schedule_id")));
            }
            return found;
        });
        return alerts.values().stream().map(Builder::build).toList();
    }

    /** Binds the columns an insert and an update both write, each typed so that a null binds as its column's null. */
    private static Update bindMutableFields(Update update, Alert alert) {
        AlertRun run = alert.lastRun();
        return update
                .bind("name", alert.name())
                .bind("description", alert.description())
                .bind("query", alert.query())
                .bind("timeWindow", alert.timeWindow().toSeconds())
                .bind("frequency", alert.frequency().toSeconds())
                .bind("watermark", alert.watermark().toSeconds())
                .bind("notifyWhen", alert.notifyWhen().wireName())
                .bind("active", alert.active())
                .bind("updatedAt", Sql.instant(alert.updatedAt()))
                .bind("updatedBy", Sql.uuid(Rows.value(alert.updatedBy())))
                .bind("lastRun", Sql.instant(run == null ? null : run.lastRun()))
                .bind("hasMatches", run == null ? null : (Boolean) run.hasMatches())
                .bind("hasErrors", run == null ? null : (Boolean) run.hasErrors())
                .bind("result", run == null ? null : run.result())
                .bind("resultLength", run == null ? null : run.resultLength());
    }

    private static String nameTaken(Alert alert) {
        return "an alert named '" + alert.name() + "' already exists in project " + alert.projectId();
    }

    /** One alert's columns while its channel rows are still arriving. */
    private static final class Builder {
        private final AlertId id;
        private final OrganizationId organizationId;
        private final ProjectId projectId;
        private final String name;
        private final String description;
        private final String query;
        private final Duration timeWindow;
        private final Duration frequency;
        private final Duration watermark;
        private final NotifyWhen notifyWhen;
        private final boolean active;
        private final Instant createdAt;
        private final CredentialId createdBy;
        private final Instant updatedAt;
        private final CredentialId updatedBy;
        private final AlertRun lastRun;
        private final List<ChannelAssignment> channels = new ArrayList<>();

        Builder(ResultSet row) throws SQLException {
            id = new AlertId(Sql.uuid(row, "id"));
            organizationId = new OrganizationId(Sql.uuid(row, "organization_id"));
            projectId = new ProjectId(Sql.uuid(row, "project_id"));
            name = row.getString("name");
            description = row.getString("description");
            query = row.getString("query");
            timeWindow = Duration.ofSeconds(row.getLong("time_window_seconds"));
            frequency = Duration.ofSeconds(row.getLong("frequency_seconds"));
            watermark = Duration.ofSeconds(row.getLong("watermark_seconds"));
            notifyWhen = notifyWhen(row.getString("notify_when"));
            active = row.getBoolean("active");
            createdAt = Sql.instant(row, "created_at");
            createdBy = Rows.credentialId(row, "created_by");
            updatedAt = Sql.instant(row, "updated_at");
            updatedBy = Rows.credentialId(row, "updated_by");
            lastRun = run(row);
        }

        Alert build() {
            return new Alert(id, organizationId, projectId, name, description, query, timeWindow, frequency,
                    watermark, notifyWhen, active, channels, createdAt, createdBy, updatedAt, updatedBy, lastRun);
        }

        private static AlertRun run(ResultSet row) throws SQLException {
            Instant lastRun = Sql.instant(row, "last_run");
            if (lastRun == null) {
                return null;
            }
            int length = row.getInt("result_length");
            Integer resultLength = row.wasNull() ? null : length;
            return new AlertRun(lastRun, row.getBoolean("has_matches"), row.getBoolean("has_errors"),
                    row.getString("result"), resultLength);
        }

        private static NotifyWhen notifyWhen(String stored) {
            for (NotifyWhen candidate : NotifyWhen.values()) {
                if (candidate.wireName().equals(stored)) {
                    return candidate;
                }
            }
            throw new IllegalStateException("the database holds an unknown notify_when: " + stored);
        }
    }
}
