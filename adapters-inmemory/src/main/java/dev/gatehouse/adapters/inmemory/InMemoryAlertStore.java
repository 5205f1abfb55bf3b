package dev.gatehouse.adapters.inmemory;

import dev.gatehouse.ports.model.Alert;
import dev.gatehouse.ports.model.AlertId;
import dev.gatehouse.ports.model.ChannelAssignment;
import dev.gatehouse.ports.model.ChannelId;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.OrganizationId;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.out.AlertStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Alerts in memory with their channel assignments, a name unique per project; thread-safe, each call its own unit of
 * work unless it joins one.
 */
final class InMemoryAlertStore implements AlertStore {

    private final Tables tables;

    InMemoryAlertStore(Tables tables) {
        this.tables = tables;
    }

    @Override
    public void insert(Alert alert) {
        Objects.requireNonNull(alert, "alert");
        tables.unitOfWork.run(() -> {
            // As the schema's composite keys do, a project or channel of another organization counts as missing.
            if (tables.projects.get(alert.projectId())
                    .filter(project -> project.organizationId().equals(alert.organizationId()))
                    .isEmpty()) {
                throw new NotFoundException("project " + alert.projectId() + " not found in organization "
                        + alert.organizationId());
            }
            requireChannels(alert.organizationId(), alert.channels());
            tables.alerts.insert(alert);
        });
    }

    @Override
    public void update(Alert alert) {
        Objects.requireNonNull(alert, "alert");
        tables.unitOfWork.run(() -> {
            Alert stored = tables.alerts.get(alert.id())
                    .orElseThrow(() -> new NotFoundException("alert " + alert.id() + " not found"));
            requireChannels(stored.organizationId(), alert.channels());
            tables.alerts.replace(new Alert(stored.id(), stored.organizationId(), stored.projectId(), alert.name(),
                    alert.description(), alert.query(), alert.timeWindow(), alert.frequency(), alert.watermark(),
                    alert.notifyWhen(), alert.active(), alert.channels(), stored.createdAt(), stored.createdBy(),
                    alert.updatedAt(), alert.updatedBy(), alert.lastRun()));
        });
    }

    @Override
    public Optional<Alert> findById(AlertId id) {
        Objects.requireNonNull(id, "id");
        return tables.unitOfWork.read(() -> tables.alerts.get(id));
    }

    @Override
    public Optional<Alert> findByIdForUpdate(AlertId id) {
        // A unit of work holds every table until it ends, so the plain read already keeps other units off the row.
        return findById(id);
    }

    @Override
    public Optional<Alert> findByName(ProjectId project, String name) {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(name, "name");
        return tables.unitOfWork.read(() -> tables.alerts.findUnique(tables.alertsByName,
                new Tables.InProject(project, name)));
    }

    @Override
    public List<Alert> listByProject(ProjectId project) {
        Objects.requireNonNull(project, "project");
        return tables.unitOfWork.read(() -> tables.alerts.select(
                alert -> alert.projectId().equals(project),
                Tables.oldestFirst(Alert::createdAt, alert -> alert.id().value())));
    }

    @Override
    public boolean delete(AlertId id) {
        Objects.requireNonNull(id, "id");
        return tables.unitOfWork.inTransaction(() -> tables.alerts.delete(id));
    }

    /** Deletes the project's alerts, as the schema cascades a project's deletion; the caller holds the unit of work. */
    static void deleteOfProject(Tables tables, ProjectId project) {
        tables.alerts.select(alert -> alert.projectId().equals(project))
                .forEach(alert -> tables.alerts.delete(alert.id()));
    }

    /**
     * Removes {@code channel} from every alert, leaving the alerts otherwise as they were, as the schema cascades a
     * channel's deletion to its assignments; the caller holds the unit of work.
     */
    static void detachChannel(Tables tables, ChannelId channel) {
        tables.alerts.select(alert -> alert.notifies(channel)).forEach(alert -> tables.alerts.replace(
                alert.withChannels(alert.channels().stream()
                        .filter(assignment -> !assignment.channelId().equals(channel))
                        .toList())));
    }

    private void requireChannels(OrganizationId organization, List<ChannelAssignment> assignments) {
        for (ChannelAssignment assignment : assignments) {
            if (tables.channels.get(assignment.channelId())
                    .filter(channel -> channel.organizationId().equals(organization))
                    .isEmpty()) {
                throw new NotFoundException("channel " + assignment.channelId() + " not found in organization "
                        + organization);
            }
        }
    }
}
