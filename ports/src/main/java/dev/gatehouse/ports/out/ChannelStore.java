package dev.gatehouse.ports.out;

import dev.gatehouse.ports.model.Channel;
import dev.gatehouse.ports.model.ChannelId;
import dev.gatehouse.ports.model.OrganizationId;
import java.util.List;
import java.util.Optional;

/** Keeps notification channels; secret config fields arrive and leave encrypted, the store never sees plaintext. */
public interface ChannelStore {

    /**
     * Stores a new channel.
     *
     * @throws dev.gatehouse.ports.model.ConflictException if the id is taken
     * @throws dev.gatehouse.ports.model.NotFoundException if the organization does not exist
     */
    void insert(Channel channel);

    /** Replaces label, active flag, config and the update stamp; throws {@code NotFoundException} if missing. */
    void update(Channel channel);

    Optional<Channel> findById(ChannelId id);

    /**
     * As {@link #findById}, and no other unit of work may change the channel, or read it with this method, until the
     * calling unit of work ends: the read to base an update on.
     */
    Optional<Channel> findByIdForUpdate(ChannelId id);

    /** The organization's channels, oldest first (ties broken by id). */
    List<Channel> listByOrganization(OrganizationId organization);

    /** Deletes the channel and detaches it from every alert; returns whether it existed. */
    boolean delete(ChannelId id);
}
