package dev.gatehouse.ports.model;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Where and how a channel delivers notifications; the wire discriminator is {@link #type()}.
 *
 * <p>Secret fields (a webhook's {@code url}, Opsgenie's {@code auth_key}, PagerDuty's {@code routing_key}) hold
 * plaintext in commands, ciphertext in stores, and a masked form in what the inbound ports return.
 */
public sealed interface ChannelConfig {

    /** The wire discriminator: {@code webhook}, {@code opsgenie}, {@code notification}, {@code email} or {@code pagerduty}. */
    String type();

    /** Posts to a URL; the URL is the secret. */
    record Webhook(WebhookFormat format, String url) implements ChannelConfig {
        public Webhook {
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(url, "url");
        }

        @Override
        public String type() {
            return "webhook";
        }

        /** Names the format, never the URL. */
        @Override
        public String toString() {
            return "Webhook[format=" + format.wireName() + ", url=(secret)]";
        }
    }

    /** Creates Opsgenie alerts; the auth key is the secret. */
    record Opsgenie(String authKey, String baseUrl) implements ChannelConfig {
        public Opsgenie {
            Objects.requireNonNull(authKey, "authKey");
        }

        @Override
        public String type() {
            return "opsgenie";
        }

        /** Names the base URL, never the auth key. */
        @Override
        public String toString() {
            return "Opsgenie[authKey=(secret), baseUrl=" + baseUrl + "]";
        }
    }

    /** Notifies members of the organization in the product, by user id. */
    record Notification(List<UUID> recipients) implements ChannelConfig {
        public Notification {
            recipients = List.copyOf(recipients);
        }

        @Override
        public String type() {
            return "notification";
        }
    }

    /** Sends email to addresses. */
    record Email(List<String> recipients) implements ChannelConfig {
        public Email {
            recipients = List.copyOf(recipients);
        }

        @Override
        public String type() {
            return "email";
        }
    }

    /** Triggers PagerDuty events; the routing key is the secret. */
    record PagerDuty(String routingKey, PagerDutyRegion region) implements ChannelConfig {
        public PagerDuty {
            Objects.requireNonNull(routingKey, "routingKey");
            Objects.requireNonNull(region, "region");
        }

        @Override
        public String type() {
            return "pagerduty";
        }

        /** Names the region, never the routing key. */
        @Override
        public String toString() {
            return "PagerDuty[routingKey=(secret), region=" + region.wireName() + "]";
        }
    }
}
