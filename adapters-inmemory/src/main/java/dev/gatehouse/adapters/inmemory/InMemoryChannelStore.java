package dev.gatehouse.adapters.inmemory;

import dev.gatehouse.ports.model.Channel;
import dev.gatehouse.ports.model.ChannelId;
import dev.gatehouse.ports.model.NotFoundException;
import dev.gatehouse.ports.model.OrganizationId;
import dev.gatehouse.ports.out.ChannelStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Notification channels in memory; thread-safe, each call its own unit of work unless it joins one. */
final class InMemoryChannelStore implements ChannelStore {

    private final Tables tables;

    InMemoryChannelStore(Tables tables) {
        this.tables = tables;
    }

    @Override
    public void insert(Channel channel) {
        Objects.requireNonNull(channel, "channel");
        tables.unitOfWork.run(() -> {
            if (!tables.organizations.contains(channel.organizationId())) {
                throw new NotFoundException("organization " + channel.organizationId() + " not found");
            }
            tables.channels.insert(channel);
        });
    }

    @Override
    public void update(Channel channel) {
        Objects.requireNonNull(channel, "channel");
        tables.unitOfWork.run(() -> {
            Channel stored = tables.channels.get(channel.id())
                    .orElseThrow(() -> new NotFoundException("channel " + channel.id() + " not found"));
            tables.channels.replace(new Channel(stored.id(), stored.organizationId(), channel.label(),
                    channel.active(), channel.config(), stored.createdAt(), stored.createdBy(), channel.updatedAt(),
                    channel.updatedBy()));
        });
    }

    @Override
    public Optional<Channel> findById(ChannelId id) {
        Objects.requireNonNull(id, "id");
        return tables.unitOfWork.read(() -> tables.channels.get(id));
    }

    @Override
    public Optional<Channel> findByIdForUpdate(ChannelId id) {
        // A unit of work holds every table until it ends, so the plain read already keeps other units off the row.
        return findById(id);
    }

    @Override
    public List<Channel> listByOrganization(OrganizationId organization) {
        Objects.requireNonNull(organization, "organization");
        return tables.unitOfWork.read(() -> tables.channels.select(
                channel -> channel.organizationId().equals(organization),
                Tables.oldestFirst(Channel::createdAt, channel -> channel.id().value())));
    }

    @Override
    public boolean delete(ChannelId id) {
        Objects.requireNonNull(id, "id");
        return tables.unitOfWork.inTransaction(() -> {
            InMemoryAlertStore.detachChannel(tables, id);
            return tables.channels.delete(id);
        });
    }
}
