package dev.gatehouse.ports.model;

import java.util.List;
import java.util.Objects;

/**
 * An alert as the inbound port shows it: with the names of the API keys that created and last updated it, and its
 * channels' masked views in the alert's order.
 *
 * @param createdByName the name of the API key that created it, or null when an operator did
 * @param updatedByName the name of the API key that last updated it, or null when none did
 */
public record AlertView(Alert alert, String createdByName, String updatedByName, List<AlertChannelView> channels) {

    public AlertView {
        Objects.requireNonNull(alert, "alert");
        channels = List.copyOf(channels);
    }
}
