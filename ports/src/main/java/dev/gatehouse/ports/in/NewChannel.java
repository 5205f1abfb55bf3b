package dev.gatehouse.ports.in;

import dev.gatehouse.ports.model.ChannelConfig;
import dev.gatehouse.ports.model.ChannelRules;

/**
 * The command to create a notification channel; its config's secrets are plaintext here and nowhere after.
 * Validates as {@link ChannelRules} says.
 */
public record NewChannel(String label, ChannelConfig config) {

    public NewChannel {
        ChannelRules.requireValidLabel(label);
        ChannelRules.requireValidNew(config);
    }

    /** Names the label and the config's type, never a secret. */
    @Override
    public String toString() {
        return "NewChannel[label=" + label + ", type=" + config.type() + "]";
    }
}
