package dev.gatehouse.http;

import static dev.gatehouse.http.Route.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.ports.in.ChannelUpdate;
import dev.gatehouse.ports.in.Channels;
import dev.gatehouse.ports.in.NewChannel;
import dev.gatehouse.ports.model.Change;
import dev.gatehouse.ports.model.ChannelConfig;
import dev.gatehouse.ports.model.InvalidInputException;
import dev.gatehouse.ports.model.Scope;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code /api/v1/channels/}: list, create, read, partially update and delete the organization's notification
 * channels. Secrets never leave in a response, not even in a 422: wherever a request's input is echoed, its secret
 * fields are masked.
 */
final class ChannelRoutes {

    private static final String TAG = "Channels";
    private static final String COLLECTION = "/api/v1/channels/";
    private static final String ITEM = "/api/v1/channels/{channel_id}/";
    private static final Set<String> SECRET_FIELDS = Set.of("url", "auth_key", "routing_key");
    private static final String MASK = "**********";

    private final Channels channels;

    ChannelRoutes(Channels channels) {
        this.channels = channels;
    }

    List<Route> routes() {
        return List.of(
                route(HandlerType.GET, COLLECTION, "list_channels", "List Channels", TAG)
                        .apiKey(Scope.ORGANIZATION_READ_CHANNEL)
                        .answers(200, Route.Payload.jsonArray("ChannelRead"))
                        .handledBy(this::list),
                route(HandlerType.POST, COLLECTION, "create_channel", "Create Channel", TAG)
                        .apiKey(Scope.ORGANIZATION_WRITE_CHANNEL)
                        .accepts(Route.Payload.json("ChannelCreate"))
                        .answers(201, Route.Payload.json("ChannelRead"))
                        .handledBy(this::create),
                route(HandlerType.GET, ITEM, "get_channel", "Get Channel", TAG)
                        .apiKey(Scope.ORGANIZATION_READ_CHANNEL)
                        .answers(200, Route.Payload.json("ChannelRead"))
                        .handledBy(this::get),
                route(HandlerType.PUT, ITEM, "update_channel", "Update Channel", TAG)
                        .apiKey(Scope.ORGANIZATION_WRITE_CHANNEL)
                        .accepts(Route.Payload.json("ChannelUpdate"))
                        .answers(200, Route.Payload.json("ChannelRead"))
                        .handledBy(this::update),
                route(HandlerType.DELETE, ITEM, "delete_channel", "Delete Channel", TAG)
                        .apiKey(Scope.ORGANIZATION_WRITE_CHANNEL)
                        .answers(204, null)
                        .handledBy(this::delete));
    }

    private void list(Call call) {
        call.json(200, channels.list(call.principal()).stream().map(ChannelWire.ChannelRead::of).toList());
    }

    private void create(Call call) {
        JsonBody body = call.body();
        String label = body.requiredString("label");
        ChannelConfigBody configBody = new ChannelConfigBody();
        ChannelConfig config = configBody.readRequired(body.node());
        validate(body, configBody);
        NewChannel command = withLocations(body.node(), () -> new NewChannel(label, config));
        call.json(201, ChannelWire.ChannelRead.of(withLocations(body.node(),
                () -> channels.create(call.principal(), command))));
    }

    private void get(Call call) {
        call.json(200, ChannelWire.ChannelRead.of(channels.get(call.principal(), call.channelId())));
    }

    /**
     * A partial update: an absent or null field is kept; a config replaces the stored one, where an empty secret
     * (the reference's WebhookUpdate allows an empty {@code url}) keeps the stored secret.
     */
    private void update(Call call) {
        JsonBody body = call.body();
        Change<String> label = body.keepOrSetString("label");
        ChannelConfigBody configBody = new ChannelConfigBody();
        JsonNode configNode = body.node().get("config");
        Change<ChannelConfig> config = configNode == null || configNode.isNull()
                ? Change.keep()
                : Change.to(configBody.read(configNode));
        List<ValidationError> activeErrors = new ArrayList<>();
        Change<Boolean> active = active(body.node().get("active"), activeErrors);
        validate(body, configBody, activeErrors);
        ChannelUpdate update = withLocations(body.node(), () -> new ChannelUpdate(label, config, active));
        call.json(200, ChannelWire.ChannelRead.of(withLocations(body.node(),
                () -> channels.update(call.principal(), call.channelId(), update))));
    }

    private void delete(Call call) {
        channels.delete(call.principal(), call.channelId());
        call.noContent();
    }

    /** An optional, nullable boolean: absent and null keep the flag. */
    private static Change<Boolean> active(JsonNode value, List<ValidationError> errors) {
        if (value == null || value.isNull()) {
            return Change.keep();
        }
        if (!value.isBoolean()) {
            errors.add(ValidationError.of("bool_type", List.of("body", "active"), "Input should be a valid boolean",
                    value));
            return Change.keep();
        }
        return Change.to(value.booleanValue());
    }

    /** Throws the body's and the config's errors together as one 422, secrets masked; returns when there are none. */
    @SafeVarargs
    private static void validate(JsonBody body, ChannelConfigBody config, List<ValidationError>... more) {
        List<ValidationError> errors = new ArrayList<>();
        try {
            body.validate();
        } catch (ApiException.Invalid invalid) {
            errors.addAll(invalid.errors());
        }
        errors.addAll(config.errors());
        for (List<ValidationError> list : more) {
            errors.addAll(list);
        }
        if (!errors.isEmpty()) {
            throw new ApiException.Invalid(errors.stream().map(ChannelRoutes::masked).toList());
        }
    }

    /**
     * Runs {@code action}, turning a port's validation failure, whose field is a dotted path such as
     * {@code config.webhook.url}, into a 422 located as pydantic locates it: {@code ["body", "config", "webhook",
     * "url"]}, echoing the offending input with its secrets masked.
     */
    private static <T> T withLocations(ObjectNode body, Supplier<T> action) {
        try {
            return action.get();
        } catch (InvalidInputException invalid) {
            List<Object> loc = new ArrayList<>();
            loc.add("body");
            JsonNode input = body;
            for (String segment : invalid.field().split("\\.")) {
                boolean index = !segment.isEmpty() && segment.chars().allMatch(Character::isDigit);
                loc.add(index ? Integer.valueOf(segment) : segment);
                // The union's tag is part of the location but not of the input, so it is stepped over.
                if (index && input != null && input.isArray()) {
                    input = input.get(Integer.parseInt(segment));
                } else if (input != null && input.isObject() && input.has(segment)) {
                    input = input.get(segment);
                }
            }
            if ("body".equals(invalid.field())) {
                loc = List.of("body");
                input = body;
            }
            throw new ApiException.Invalid(List.of(masked(ValidationError.of(invalid.type(), loc,
                    invalid.getMessage(), input))));
        }
    }

    /** {@code error} with its input's secret fields masked, or its input masked where it is a secret itself. */
    private static ValidationError masked(ValidationError error) {
        Object input = error.input();
        Object last = error.loc().isEmpty() ? null : error.loc().get(error.loc().size() - 1);
        if (input instanceof JsonNode node && SECRET_FIELDS.contains(String.valueOf(last)) && node.isTextual()) {
            input = MASK;
        } else if (input instanceof JsonNode node && node.isContainerNode()) {
            input = maskSecrets(node.deepCopy());
        }
        return new ValidationError(error.type(), error.loc(), error.msg(), input, error.ctx());
    }

    private static JsonNode maskSecrets(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (SECRET_FIELDS.contains(name) && object.get(name).isTextual()) {
                    object.put(name, MASK);
                } else {
                    maskSecrets(object.get(name));
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(ChannelRoutes::maskSecrets);
        }
        return node;
    }
}
