package dev.gatehouse.ports.model;

import java.util.Objects;

/**
 * A channel as the inbound port shows it: its config masked (never a secret), with the names of the API keys that
 * created and last updated it.
 *
 * @param channel the channel, whose config's secret fields hold their masked form
 * @param createdByName the name of the API key that created it, or null when an operator did
 * @param updatedByName the name of the API key that last updated it, or null when none did
 */
public record ChannelView(Channel channel, String createdByName, String updatedByName) {

    public ChannelView {
        Objects.requireNonNull(channel, "channel");
    }
}
