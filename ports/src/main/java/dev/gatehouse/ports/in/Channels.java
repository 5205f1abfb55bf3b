package dev.gatehouse.ports.in;

import dev.gatehouse.ports.model.ChannelId;
import dev.gatehouse.ports.model.ChannelView;
import dev.gatehouse.ports.model.Principal;
import java.util.List;

/**
 * Creates, reads, updates and deletes the notification channels of the caller's organization. Reading needs
 * {@code organization:read_channel}, changing {@code organization:write_channel}; a channel of another organization
 * is reported as not found. No method ever returns a secret: every view carries the masked config.
 */
public interface Channels {

    /** The organization's channels, oldest first. */
    List<ChannelView> list(Principal caller);

    /** One channel of the caller's organization. */
    ChannelView get(Principal caller, ChannelId id);

    /** Creates an active channel; its secrets are encrypted before they are stored. */
    ChannelView create(Principal caller, NewChannel command);

    /** Applies a partial update; an update that changes nothing writes nothing. */
    ChannelView update(Principal caller, ChannelId id, ChannelUpdate update);

    /** Deletes the channel and detaches it from every alert, auditing the change to each alert it leaves. */
    void delete(Principal caller, ChannelId id);
}
