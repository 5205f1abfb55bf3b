package dev.gatehouse.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.ports.model.Environment;
import dev.gatehouse.ports.model.PagerDutyRegion;
import dev.gatehouse.ports.model.ProjectRules;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.Visibility;
import dev.gatehouse.ports.model.WebhookFormat;
import dev.gatehouse.ports.model.WireEnum;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The component schemas of the OpenAPI document: the request bodies {@link JsonBody} reads and the response
 * bodies {@link Wire} writes, with the reference's names and constraints.
 */
final class Schemas {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Schemas() {
    }

    /** Every schema by name, in a stable order. */
    static Map<String, ObjectNode> all() {
        Map<String, ObjectNode> schemas = new LinkedHashMap<>();
        schemas.put("OAuthScopeId", enumOf(Arrays.stream(Scope.values()).map(Scope::wireName).toArray(String[]::new)));
        schemas.put("HTTPExceptionError", object(required("detail", string())));
        schemas.put("ValidationError", object(
                required("loc", array(anyOf(string(), type("integer")))),
                required("msg", string()),
                required("type", string()),
                optional("input", JSON.objectNode()),
                optional("ctx", type("object"))));
        schemas.put("HTTPValidationError", object(optional("detail", array(ref("ValidationError")))));
        schemas.put("Health", object(required("status", string())));

        schemas.put("ProjectCreate", object(
                required("project_name", projectName()),
                optional("description", nullable(description())),
                optional("visibility", withDefault(wireEnum(Visibility.class), Visibility.PUBLIC.wireName())),
                optional("environment", withDefault(wireEnum(Environment.class), Environment.PRODUCTION.wireName()))));
        schemas.put("ProjectUpdate", describe(object(
                        optional("project_name", nullable(projectName())),
                        optional("description", nullable(description())),
                        optional("visibility", nullable(wireEnum(Visibility.class))),
                        optional("environment", nullable(wireEnum(Environment.class)))),
                "A partial update: an absent field is unchanged; null clears the description and leaves the"
                        + " other fields unchanged."));
        schemas.put("ProjectRead", object(projectFields(false)));
        schemas.put("ProjectListRead", object(projectFields(true)));

        schemas.put("CreateWriteTokenInput", tokenInput());
        schemas.put("CreateReadTokenInput", tokenInput());
        schemas.put("RotateTokenInput", describe(object(
                        optional("grace_period", nullable(anyOf(
                                string().put("format", "duration"),
                                type("number").put("minimum", 0))))),
                "How long the old token keeps authenticating: ISO 8601 (PT5M) or seconds; absent means it"
                        + " expires at once."));
        schemas.put("CreateWriteTokenOutput", object(tokenCreatedFields()));
        schemas.put("ReadTokenPublicAPIRead", object(tokenCreatedFields()));
        schemas.put("WriteTokenRead", object(tokenReadFields()));
        schemas.put("ReadTokenRead", object(tokenReadFields()));

        schemas.put("APIKeyCreate", object(
                required("name", string().put("minLength", 1)),
                required("scopes", array(ref("OAuthScopeId")).put("minItems", 1)),
                optional("description", nullable(string())),
                optional("project_id", nullable(uuid())),
                optional("expires_at", nullable(dateTime())),
                optional("claims", ref("ScopeClaims"))));
        schemas.put("APIKeyUpdate", describe(object(
                        optional("name", string().put("minLength", 1)),
                        optional("description", nullable(string())),
                        optional("claims", ref("ScopeClaims"))).put("minProperties", 1),
                "A partial update: an absent field is unchanged; null clears the description; claims, when given,"
                        + " replace every claim of the key."));
        schemas.put("ScopeClaims", describe(object(
                        optional(Scope.PROJECT_GATEWAY_PROXY.wireName(), ref("GatewayProxyClaims")))
                        .put("additionalProperties", false),
                "Settings per scope, each for a scope the key holds; {} removes them all."));
        schemas.put("GatewayProxyClaims", gatewayClaims(true).put("additionalProperties", false));
        schemas.put("APIKeyClaims", object(
                optional(Scope.PROJECT_GATEWAY_PROXY.wireName(), ref("GatewayKeySettings"))));
        schemas.put("GatewayKeySettings", gatewayClaims(false));
        schemas.put("APIKeyRead", object(
                required("id", uuid()),
                required("organization_id", uuid()),
                required("name", string()),
                required("description", nullable(string())),
                required("scopes", array(ref("OAuthScopeId"))),
                required("project_id", nullable(uuid())),
                required("project_name", nullable(string())),
                required("all_projects", bool()),
                required("created_by", nullable(uuid())),
                required("created_by_name", nullable(string())),
                required("created_at", dateTime()),
                required("last_used_at", nullable(dateTime())),
                required("expires_at", nullable(dateTime())),
                required("user_id", nullable(uuid())),
                required("active", bool()),
                required("updated_at", nullable(dateTime())),
                required("updated_by", nullable(uuid())),
                required("token_prefix", string()),
                required("revoked_at", nullable(dateTime())),
                optional("claims", ref("APIKeyClaims"))));
        schemas.put("APIKeyCreateOutput", object(
                required("api_key", ref("APIKeyRead")),
                required("token", string())));

        schemas.put("WriteTokenInfo", object(
                required("project_name", string()),
                required("project_id", uuid())));
        schemas.put("ReadTokenInfo", object(
                required("token_id", uuid()),
                required("project_id", uuid()),
                required("project_name", string()),
                required("organization_id", uuid()),
                required("organization_name", string())));

        schemas.put("AuditLogAction", enumOf(AuditLogRoutes.ACTIONS.toArray(String[]::new)));
        schemas.put("AuditLogInfoRead", object(auditLogFields(false)));
        schemas.put("AuditLogDetailRead", object(auditLogFields(true)));
        channelSchemas(schemas);
        DashboardSchemas.addTo(schemas);
        VariableSchemas.addTo(schemas);
        AlertSchemas.addTo(schemas);
        schemas.forEach((name, schema) -> schema.put("title", name));
        return schemas;
    }

    static ObjectNode ref(String schema) {
        return JSON.objectNode().put("$ref", "#/components/schemas/" + schema);
    }

    static ObjectNode array(ObjectNode items) {
        ObjectNode node = type("array");
        node.set("items", items);
        return node;
    }

    static ObjectNode string() {
        return type("string");
    }

    static ObjectNode uuid() {
        return string().put("format", "uuid");
    }

    private static Property[] projectFields(boolean withUpdatedAt) {
        Property[] common = {
            required("id", uuid()),
            required("project_name", string()),
            required("created_at", dateTime()),
            required("description", nullable(string())),
            required("organization_name", string()),
            required("visibility", wireEnum(Visibility.class)),
            required("environment", wireEnum(Environment.class)),
        };
        if (!withUpdatedAt) {
            return common;
        }
        Property[] withUpdated = Arrays.copyOf(common, common.length + 1);
        withUpdated[common.length] = required("updated_at", dateTime());
        return withUpdated;
    }

    /** The members of a gateway key's claims: limits at least 0 where {@code withMinimum}, as the reference has it. */
    private static ObjectNode gatewayClaims(boolean withMinimum) {
        ObjectNode limit = withMinimum ? type("integer").put("minimum", 0) : type("integer");
        return object(
                optional("spending_limit_daily", nullable(limit)),
                optional("spending_limit_weekly", nullable(limit.deepCopy())),
                optional("spending_limit_monthly", nullable(limit.deepCopy())),
                optional("spending_limit_total", nullable(limit.deepCopy())),
                optional("cache_enabled", nullable(bool())));
    }

    private static ObjectNode tokenInput() {
        return object(
                optional("expires_at", nullable(dateTime())),
                optional("description", nullable(string())));
    }

    /** The channel bodies: the reference's union discriminated by {@code type}, plus {@code email} and {@code pagerduty}. */
    private static void channelSchemas(Map<String, ObjectNode> schemas) {
        schemas.put("WebhookFormat", wireEnum(WebhookFormat.class));
        schemas.put("Webhook", object(channelType("webhook"),
                required("format", ref("WebhookFormat")),
                required("url", describe(string().put("format", "uri"),
                        "An http or https URL; shown as scheme and host with the path masked."))));
        schemas.put("WebhookUpdate", describe(object(channelType("webhook"),
                        required("format", ref("WebhookFormat")),
                        required("url", string())),
                "Webhook config variant for updates that allows empty URL (signals \"keep existing credential\")."));
        schemas.put("Opsgenie", object(channelType("opsgenie"),
                required("auth_key", describe(string(), "Shown masked: ********** and its last 4 characters.")),
                optional("base_url", string().put("format", "uri"))));
        schemas.put("Notification", object(channelType("notification"),
                required("recipients", array(uuid()))));
        schemas.put("Email", object(channelType("email"),
                required("recipients", array(string().put("format", "email")))));
        schemas.put("PagerDuty", object(channelType("pagerduty"),
                required("routing_key", describe(string(), "Shown masked: ********** and its last 4 characters.")),
                required("region", wireEnum(PagerDutyRegion.class))));
        schemas.put("ChannelCreate", object(
                required("label", string()),
                required("config", channelConfig("Webhook"))));
        schemas.put("ChannelRead", object(
                required("id", uuid()),
                required("organization_id", uuid()),
                required("label", string()),
                required("active", bool()),
                required("created_at", dateTime()),
                required("updated_at", nullable(dateTime())),
                required("created_by_name", nullable(string())),
                required("updated_by_name", nullable(string())),
                required("config", channelConfig("Webhook"))));
        schemas.put("ChannelUpdate", describe(object(
                        optional("label", nullable(string())),
                        optional("config", anyOf(channelConfig("WebhookUpdate"), type("null"))),
                        optional("active", nullable(bool()))),
                "A partial update: an absent or null field is unchanged. A config replaces the stored one; an empty"
                        + " url, auth_key or routing_key keeps the stored secret of a channel of the same type."));
    }

    private static Property channelType(String tag) {
        return required("type", enumOf(tag));
    }

    private static ObjectNode channelConfig(String webhookSchema) {
        ObjectNode node = JSON.objectNode();
        ArrayNode variants = node.putArray("oneOf");
        ObjectNode discriminator = node.putObject("discriminator").put("propertyName", "type");
        ObjectNode mapping = discriminator.putObject("mapping");
        String[][] tags = {{"webhook", webhookSchema}, {"opsgenie", "Opsgenie"}, {"notification", "Notification"},
            {"email", "Email"}, {"pagerduty", "PagerDuty"}};
        for (String[] tag : tags) {
            variants.add(ref(tag[1]));
            mapping.put(tag[0], "#/components/schemas/" + tag[1]);
        }
        return node;
    }

    private static Property[] tokenCreatedFields() {
        return new Property[] {
            required("id", uuid()),
            required("project_id", uuid()),
            required("created_at", dateTime()),
            required("description", nullable(string())),
            required("expires_at", nullable(dateTime())),
            required("token", string()),
        };
    }

    private static Property[] tokenReadFields() {
        return new Property[] {
            required("id", uuid()),
            required("project_id", uuid()),
            required("created_at", dateTime()),
            required("description", nullable(string())),
            required("expires_at", nullable(dateTime())),
            required("project_name", string()),
            required("created_by_name", nullable(string())),
            required("token_prefix", string()),
            required("active", bool()),
            required("last_used_at", nullable(dateTime())),
            required("revoked_at", nullable(dateTime())),
        };
    }

    private static Property[] auditLogFields(boolean withMetadata) {
        Property[] common = {
            required("id", uuid()),
            required("created_at", dateTime()),
            required("organization_name", nullable(string())),
            required("project_name", nullable(string())),
            required("user_name", nullable(string())),
            required("action", ref("AuditLogAction")),
            required("resource_type", nullable(string())),
            required("record_id", nullable(uuid())),
            required("ip_address", describe(nullable(string()), "Always null: Gatehouse records no addresses.")),
        };
        if (!withMetadata) {
            return common;
        }
        ObjectNode change = object(required("old", nullable(string())), required("new", nullable(string())));
        ObjectNode operation = object(
                required("op", enumOf("add", "remove", "replace")),
                required("path", string()),
                optional("value", JSON.objectNode()));
        ObjectNode metadata = describe(object(
                        required("changes", type("object").set("additionalProperties", change)),
                        required("downgrade_patches", array(operation))),
                AuditMetadata.DESCRIPTION);
        Property[] withDetail = Arrays.copyOf(common, common.length + 1);
        withDetail[common.length] = required("metadata", metadata);
        return withDetail;
    }

    private static ObjectNode projectName() {
        return string()
                .put("minLength", ProjectRules.NAME_MIN_LENGTH)
                .put("maxLength", ProjectRules.NAME_MAX_LENGTH)
                .put("pattern", ProjectRules.NAME_PATTERN.pattern());
    }

    private static ObjectNode description() {
        return string().put("maxLength", ProjectRules.DESCRIPTION_MAX_LENGTH);
    }

    private record Property(String name, ObjectNode schema, boolean required) {
    }

    private static Property required(String name, ObjectNode schema) {
        return new Property(name, schema, true);
    }

    private static Property optional(String name, ObjectNode schema) {
        return new Property(name, schema, false);
    }

    private static ObjectNode object(Property... properties) {
        ObjectNode node = type("object");
        ObjectNode props = node.putObject("properties");
        ArrayNode required = JSON.arrayNode();
        for (Property property : properties) {
            props.set(property.name(), property.schema());
            if (property.required()) {
                required.add(property.name());
            }
        }
        if (!required.isEmpty()) {
            node.set("required", required);
        }
        return node;
    }

    private static ObjectNode type(String type) {
        return JSON.objectNode().put("type", type);
    }

    private static ObjectNode bool() {
        return type("boolean");
    }

    static ObjectNode dateTime() {
        return string().put("format", "date-time");
    }

    static ObjectNode nullable(ObjectNode schema) {
        return anyOf(schema, type("null"));
    }

    private static ObjectNode anyOf(ObjectNode... schemas) {
        ObjectNode node = JSON.objectNode();
        ArrayNode alternatives = node.putArray("anyOf");
        for (ObjectNode schema : schemas) {
            alternatives.add(schema);
        }
        return node;
    }

    private static ObjectNode enumOf(String... values) {
        ObjectNode node = string();
        ArrayNode allowed = node.putArray("enum");
        for (String value : values) {
            allowed.add(value);
        }
        return node;
    }

    private static <E extends Enum<E> & WireEnum> ObjectNode wireEnum(Class<E> type) {
        return enumOf(Arrays.stream(type.getEnumConstants()).map(WireEnum::wireName).toArray(String[]::new));
    }

    private static ObjectNode withDefault(ObjectNode schema, String value) {
        return schema.put("default", value);
    }

    private static ObjectNode describe(ObjectNode schema, String description) {
        return schema.put("description", description);
    }
}
