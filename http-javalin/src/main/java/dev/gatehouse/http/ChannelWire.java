package dev.gatehouse.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gatehouse.ports.model.Channel;
import dev.gatehouse.ports.model.ChannelConfig;
import dev.gatehouse.ports.model.ChannelView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The response bodies of the channel routes, named as the reference names their schemas. */
final class ChannelWire {

    private ChannelWire() {
    }

    /** ChannelRead: a channel with its config masked, as the port returns it. */
    record ChannelRead(UUID id, UUID organizationId, String label, boolean active, Instant createdAt,
                       Instant updatedAt, String createdByName, String updatedByName, Object config) {

        static ChannelRead of(ChannelView view) {
            Channel channel = view.channel();
            return new ChannelRead(channel.id().value(), channel.organizationId().value(), channel.label(),
                    channel.active(), channel.createdAt(), channel.updatedAt(), view.createdByName(),
                    view.updatedByName(), wireConfig(channel.config()));
        }
    }

    /** Webhook. */
    record WebhookConfig(String type, String format, String url) {
    }

    /** Opsgenie; {@code base_url} is left out where none is set, as the reference's schema does not allow null. */
    record OpsgenieConfig(String type, String authKey, @JsonInclude(JsonInclude.Include.NON_NULL) String baseUrl) {
    }

    /** Notification (member ids) and Email (addresses). */
    record RecipientsConfig(String type, List<?> recipients) {
    }

    /** PagerDuty. */
    record PagerDutyConfig(String type, String routingKey, String region) {
    }

    private static Object wireConfig(ChannelConfig config) {
        if (config instanceof ChannelConfig.Webhook webhook) {
            return new WebhookConfig(webhook.type(), webhook.format().wireName(), webhook.url());
        }
        if (config instanceof ChannelConfig.Opsgenie opsgenie) {
            return new OpsgenieConfig(opsgenie.type(), opsgenie.authKey(), opsgenie.baseUrl());
        }
        if (config instanceof ChannelConfig.Notification notification) {
            return new RecipientsConfig(notification.type(), notification.recipients());
        }
        if (config instanceof ChannelConfig.Email email) {
            return new RecipientsConfig(email.type(), email.recipients());
        }
        ChannelConfig.PagerDuty pagerDuty = (ChannelConfig.PagerDuty) config;
        return new PagerDutyConfig(pagerDuty.type(), pagerDuty.routingKey(), pagerDuty.region().wireName());
    }
}
