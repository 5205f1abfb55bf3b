package dev.gatehouse.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small builders of JSON-schema nodes for the component schemas of dashboards and variables. */
final class SchemaNodes {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SchemaNodes() {
    }

    /** One property of an object schema. */
    record Property(String name, ObjectNode schema, boolean required) {
    }

    static Property required(String name, ObjectNode schema) {
        return new Property(name, schema, true);
    }

    static Property optional(String name, ObjectNode schema) {
        return new Property(name, schema, false);
    }

    static ObjectNode object(Property... properties) {
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

    /** An object whose every property value has {@code values} as schema. */
    static ObjectNode mapOf(ObjectNode values) {
        ObjectNode node = type("object");
        node.set("additionalProperties", values);
        return node;
    }

    static ObjectNode type(String type) {
        return JSON.objectNode().put("type", type);
    }

    static ObjectNode string() {
        return type("string");
    }

    static ObjectNode integer() {
        return type("integer");
    }

    static ObjectNode number() {
        return type("number");
    }

    static ObjectNode bool() {
        return type("boolean");
    }

    static ObjectNode uuid() {
        return string().put("format", "uuid");
    }

    static ObjectNode dateTime() {
        return string().put("format", "date-time");
    }

    /** Any JSON value. */
    static ObjectNode any() {
        return JSON.objectNode();
    }

    static ObjectNode ref(String schema) {
        return Schemas.ref(schema);
    }

    static ObjectNode array(ObjectNode items) {
        return Schemas.array(items);
    }

    static ObjectNode nullable(ObjectNode schema) {
        return anyOf(schema, type("null"));
    }

    static ObjectNode anyOf(ObjectNode... schemas) {
        ObjectNode node = JSON.objectNode();
        ArrayNode alternatives = node.putArray("anyOf");
        for (ObjectNode schema : schemas) {
            alternatives.add(schema);
        }
        return node;
    }

    static ObjectNode constant(String value) {
        ObjectNode node = string();
        node.putArray("enum").add(value);
        return node;
    }

    static ObjectNode enumOf(String... values) {
        ObjectNode node = string();
        ArrayNode allowed = node.putArray("enum");
        for (String value : values) {
            allowed.add(value);
        }
        return node;
    }

    /** A union of component schemas told apart by {@code property}: each tag to its schema's name, in pairs. */
    static ObjectNode discriminated(String property, String... tagsAndSchemas) {
        ObjectNode node = JSON.objectNode();
        ArrayNode variants = node.putArray("oneOf");
        ObjectNode mapping = node.putObject("discriminator").put("propertyName", property).putObject("mapping");
        for (int i = 0; i < tagsAndSchemas.length; i += 2) {
            variants.add(ref(tagsAndSchemas[i + 1]));
            mapping.put(tagsAndSchemas[i], "#/components/schemas/" + tagsAndSchemas[i + 1]);
        }
        return node;
    }

    static ObjectNode describe(ObjectNode schema, String description) {
        return schema.put("description", description);
    }
}
