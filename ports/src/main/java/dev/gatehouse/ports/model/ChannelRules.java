package dev.gatehouse.ports.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The validation rules of channel labels and configs, shared by the create and update commands. The field an
 * {@link InvalidInputException} names is the wire path below the body joined by dots, with the config's type as
 * pydantic puts it in a discriminated union's location: {@code config.webhook.url}, {@code config.email.recipients.0}.
 */
public final class ChannelRules {

    /** The longest URL accepted, as pydantic's {@code HttpUrl} limits it. */
    public static final int URL_MAX_LENGTH = 2083;
    /** The longest email address accepted (RFC 5321 limits a forward path to 256 octets with its brackets). */
    public static final int EMAIL_MAX_LENGTH = 254;

    // The WHATWG HTML "valid email address" production, requiring a dot in the domain as mail systems do.
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private ChannelRules() {
    }

    /** Returns {@code label} if it is present, else throws {@link InvalidInputException}. */
    public static String requireValidLabel(String label) {
        if (label == null) {
            throw new InvalidInputException("label", "missing", "Field required");
        }
        return label;
    }

    /**
     * Returns {@code config} if it is a valid config for a new channel: every secret present, URLs {@code http} or
     * {@code https}, email recipients shaped like addresses; else throws {@link InvalidInputException}.
     */
    public static ChannelConfig requireValidNew(ChannelConfig config) {
        return requireValid(config, false);
    }

    /**
     * Returns {@code config} if it is a valid replacement config for an existing channel: as for a new one, except
     * that an empty secret (webhook {@code url}, {@code auth_key}, {@code routing_key}) means "keep the stored one".
     */
    public static ChannelConfig requireValidUpdate(ChannelConfig config) {
        return requireValid(config, true);
    }

    /** Whether {@code secret} is the empty value an update uses to keep the stored secret. */
    public static boolean keepsStoredSecret(String secret) {
        return secret != null && secret.isEmpty();
    }

    private static ChannelConfig requireValid(ChannelConfig config, boolean update) {
        if (config == null) {
            throw new InvalidInputException("config", "missing", "Field required");
        }
        String prefix = "config." + config.type() + ".";
        if (config instanceof ChannelConfig.Webhook webhook) {
            if (!(update && keepsStoredSecret(webhook.url()))) {
                requireHttpUrl(webhook.url(), prefix + "url");
            }
        } else if (config instanceof ChannelConfig.Opsgenie opsgenie) {
            if (!update) {
                requireNotEmpty(opsgenie.authKey(), prefix + "auth_key");
            }
            if (opsgenie.baseUrl() != null) {
                requireHttpUrl(opsgenie.baseUrl(), prefix + "base_url");
            }
        } else if (config instanceof ChannelConfig.Email email) {
            requireEmails(email.recipients(), prefix + "recipients");
        } else if (config instanceof ChannelConfig.PagerDuty pagerDuty && !update) {
            requireNotEmpty(pagerDuty.routingKey(), prefix + "routing_key");
        }
        return config;
    }

    private static void requireHttpUrl(String url, String field) {
        if (url.length() > URL_MAX_LENGTH) {
            throw new InvalidInputException(field, "url_too_long",
                    "URL should have at most " + URL_MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidInputException(field, "url_parsing", "Input should be a valid URL");
        }
        if (uri.getScheme() == null) {
            throw new InvalidInputException(field, "url_parsing",
                    "Input should be a valid URL, relative URL without a base");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidInputException(field, "url_scheme", "URL scheme should be 'http' or 'https'");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidInputException(field, "url_parsing", "Input should be a valid URL, empty host");
        }
    }

    private static void requireNotEmpty(String value, String field) {
        if (value.isEmpty()) {
            throw new InvalidInputException(field, "string_too_short", "String should have at least 1 character");
        }
    }

    private static void requireEmails(List<String> recipients, String field) {
        for (int i = 0; i < recipients.size(); i++) {
            String address = recipients.get(i);
            if (address.length() > EMAIL_MAX_LENGTH || !EMAIL.matcher(address).matches()) {
                throw new InvalidInputException(field + "." + i, "value_error",
                        "value is not a valid email address");
            }
        }
    }
}
