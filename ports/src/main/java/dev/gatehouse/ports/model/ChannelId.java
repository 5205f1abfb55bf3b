package dev.gatehouse.ports.model;

import java.util.Objects;
import java.util.UUID;

/** The identity of a notification channel. */
public record ChannelId(UUID value) {

    public ChannelId {
        Objects.requireNonNull(value, "value");
    }

    /** A new random id. */
    public static ChannelId random() {
        return new ChannelId(UUID.randomUUID());
    }

    /** Parses the canonical UUID text form; throws {@link IllegalArgumentException} on anything else. */
    public static ChannelId parse(String text) {
        return new ChannelId(Uuids.parse(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
