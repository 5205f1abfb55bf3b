package dev.gatehouse.ports.in;

import dev.gatehouse.ports.model.Change;
import dev.gatehouse.ports.model.ChannelConfig;
import dev.gatehouse.ports.model.ChannelRules;
import dev.gatehouse.ports.model.InvalidInputException;
import java.util.Objects;

/**
 * A partial update of a channel: each field is kept or set, none cleared. A new config replaces the stored one
 * whole, except that an empty secret in it (webhook {@code url}, {@code auth_key}, {@code routing_key}) keeps the
 * stored secret of a channel of the same type.
 */
public record ChannelUpdate(Change<String> label, Change<ChannelConfig> config, Change<Boolean> active) {

    public ChannelUpdate {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(active, "active");
        rejectNull(label, "label");
        rejectNull(config, "config");
        rejectNull(active, "active");
        if (config instanceof Change.SetTo<ChannelConfig> set) {
            ChannelRules.requireValidUpdate(set.value());
        }
    }

    /** An update that changes nothing. */
    public static ChannelUpdate none() {
        return new ChannelUpdate(Change.keep(), Change.keep(), Change.keep());
    }

    /** Names what changes, never a secret. */
    @Override
    public String toString() {
        return "ChannelUpdate[label=" + label + ", config="
                + (config instanceof Change.SetTo<ChannelConfig> set ? "set to a " + set.value().type() : "keep")
                + ", active=" + active + "]";
    }

    private static void rejectNull(Change<?> change, String field) {
        if (change instanceof Change.SetTo<?> set && set.value() == null) {
            throw new InvalidInputException(field, "missing", field + " cannot be null");
        }
    }
}
