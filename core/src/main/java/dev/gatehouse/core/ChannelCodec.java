package dev.gatehouse.core;

import dev.gatehouse.core.internal.ChannelSecrets;
import dev.gatehouse.ports.model.ChannelConfig;
import dev.gatehouse.ports.model.ChannelId;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one secret field of each channel config type (a webhook's {@code url}, {@code auth_key}, {@code routing_key}):
 * encrypts it for the store, decrypts it back, and masks it for display as Logfire does. Every other field passes
 * unchanged. Thread-safe.
 */
final class ChannelCodec {

    /** What replaces a secret, or a webhook URL's path, in everything shown. */
    static final String MASK = "**********";
    /** The characters of a key shown after the mask. */
    static final int REVEALED_SUFFIX = 4;
    /** Keys shorter than this are masked whole, so that the shown suffix is never more than a third of a key. */
    static final int MIN_LENGTH_TO_REVEAL = 3 * REVEALED_SUFFIX;

    private final ChannelSecrets secrets;

    ChannelCodec(ChannelSecrets secrets) {
        this.secrets = secrets;
    }

    /** The wire name of the config's secret field, or null for a type without one. */
    static String secretField(ChannelConfig config) {
        if (config instanceof ChannelConfig.Webhook) {
            return "url";
        }
        if (config instanceof ChannelConfig.Opsgenie) {
            return "auth_key";
        }
        if (config instanceof ChannelConfig.PagerDuty) {
            return "routing_key";
        }
        return null;
    }

    /** The value of the config's secret field (plaintext or stored form), or null for a type without one. */
    static String secretOf(ChannelConfig config) {
        if (config instanceof ChannelConfig.Webhook webhook) {
            return webhook.url();
        }
        if (config instanceof ChannelConfig.Opsgenie opsgenie) {
            return opsgenie.authKey();
        }
        if (config instanceof ChannelConfig.PagerDuty pagerDuty) {
            return pagerDuty.routingKey();
        }
        return null;
    }

    /** A copy of {@code config} whose secret field is {@code secret}; a config without one is returned as it is. */
    static ChannelConfig withSecret(ChannelConfig config, String secret) {
        if (config instanceof ChannelConfig.Webhook webhook) {
            return new ChannelConfig.Webhook(webhook.format(), secret);
        }
        if (config instanceof ChannelConfig.Opsgenie opsgenie) {
            return new ChannelConfig.Opsgenie(secret, opsgenie.baseUrl());
        }
        if (config instanceof ChannelConfig.PagerDuty pagerDuty) {
            return new ChannelConfig.PagerDuty(secret, pagerDuty.region());
        }
        return config;
    }

    /** {@code plaintext} with its secret encrypted for {@code channel}, ready for the store. */
    ChannelConfig encrypt(ChannelConfig plaintext, ChannelId channel) {
        String secret = secretOf(plaintext);
        return secret == null ? plaintext : withSecret(plaintext, secrets.encrypt(secret, context(channel, plaintext)));
    }

    /** The plaintext secret of a stored config of {@code channel}, or null for a type without one. */
    String decryptSecret(ChannelConfig stored, ChannelId channel) {
        String secret = secretOf(stored);
        return secret == null ? null : secrets.decrypt(secret, context(channel, stored));
    }

    /** A stored config of {@code channel} as it may be shown: its secret decrypted, then masked. */
    ChannelConfig masked(ChannelConfig stored, ChannelId channel) {
        String secret = decryptSecret(stored, channel);
        return secret == null ? stored : withSecret(stored, mask(stored, secret));
    }

    /** {@code secret}, the plaintext secret of a config of {@code config}'s type, as it is shown. */
    static String mask(ChannelConfig config, String secret) {
        return config instanceof ChannelConfig.Webhook ? maskUrl(secret) : maskKey(secret);
    }

    /** A URL with its scheme, host and port kept and everything else (user, path, query) replaced by the mask. */
    static String maskUrl(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return MASK;
            }
            String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
            return uri.getScheme() + "://" + uri.getHost() + port + "/" + MASK;
        } catch (URISyntaxException e) {
            return MASK;
        }
    }

    /** The mask followed by the key's last {@value #REVEALED_SUFFIX} characters, or the mask alone for a short key. */
    static String maskKey(String key) {
        if (key.length() < MIN_LENGTH_TO_REVEAL) {
            return MASK;
        }
        return MASK + key.substring(key.length() - REVEALED_SUFFIX);
    }

    /** The fields of {@code config} that are not secret, by audit name ({@code config.format}), in a stable order. */
    static Map<String, Object> publicFields(ChannelConfig config) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("config.type", config.type());
        if (config instanceof ChannelConfig.Webhook webhook) {
            fields.put("config.format", webhook.format());
        } else if (config instanceof ChannelConfig.Opsgenie opsgenie) {
            fields.put("config.base_url", opsgenie.baseUrl());
        } else if (config instanceof ChannelConfig.Notification notification) {
            fields.put("config.recipients", notification.recipients());
        } else if (config instanceof ChannelConfig.Email email) {
            fields.put("config.recipients", email.recipients());
        } else if (config instanceof ChannelConfig.PagerDuty pagerDuty) {
            fields.put("config.region", pagerDuty.region());
        }
        return fields;
    }

    /** Binds a ciphertext to one channel and field, so that it decrypts nowhere else. */
    private static String context(ChannelId channel, ChannelConfig config) {
        return "channel " + channel + " config." + config.type() + "." + secretField(config);
    }
}
