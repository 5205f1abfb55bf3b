package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.ports.model.GatewayProxyClaims;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.ScopeClaims;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an API key's {@code claims} (the reference's {@code ScopeClaims}: the {@code GatewayProxyClaims} of
 * {@code project:gateway_proxy}, no other member at either level), adding each error with its full {@code loc}.
 */
final class ClaimsReader {

    private static final String GATEWAY_PROXY = Scope.PROJECT_GATEWAY_PROXY.wireName();
    private static final List<String> LIMITS = List.of("spending_limit_daily", "spending_limit_weekly",
            "spending_limit_monthly", "spending_limit_total");
    private static final String CACHE_ENABLED = "cache_enabled";
    private static final Set<String> GATEWAY_PROXY_MEMBERS = Set.of(LIMITS.get(0), LIMITS.get(1), LIMITS.get(2),
            LIMITS.get(3), CACHE_ENABLED);

    private final List<ValidationError> errors;

    ClaimsReader(List<ValidationError> errors) {
        this.errors = errors;
    }

    /** The claims in {@code value}, found at {@code loc}, or null after recording why they are invalid. */
    ScopeClaims read(JsonNode value, List<Object> loc) {
        ObjectNode claims = object(value, loc, "ScopeClaims");
        if (claims == null || !onlyMembers(claims, Set.of(GATEWAY_PROXY), loc)) {
            return null;
        }
        JsonNode gateway = claims.get(GATEWAY_PROXY);
        if (gateway == null) {
            return ScopeClaims.NONE;
        }
        GatewayProxyClaims read = gatewayProxy(gateway, BodyReader.at(loc, GATEWAY_PROXY));
        return read == null ? null : new ScopeClaims(read);
    }

    private GatewayProxyClaims gatewayProxy(JsonNode value, List<Object> loc) {
        ObjectNode claims = object(value, loc, "GatewayProxyClaims");
        if (claims == null || !onlyMembers(claims, GATEWAY_PROXY_MEMBERS, loc)) {
            return null;
        }
        int errorsBefore = errors.size();
        List<Long> limits = new ArrayList<>();
        for (String limit : LIMITS) {
            limits.add(limit(claims.get(limit), BodyReader.at(loc, limit)));
        }
        Boolean cacheEnabled = cacheEnabled(claims.get(CACHE_ENABLED), BodyReader.at(loc, CACHE_ENABLED));
        if (errors.size() > errorsBefore) {
            return null;
        }
        return new GatewayProxyClaims(limits.get(0), limits.get(1), limits.get(2), limits.get(3), cacheEnabled);
    }

    private Long limit(JsonNode value, List<Object> loc) {
        if (value == null || value.isNull()) {
            return null;
        }
        Long limit = IntegerInput.read(value, loc, errors);
        if (limit != null && limit < 0) {
            errors.add(new ValidationError("greater_than_equal", loc, "Input should be greater than or equal to 0",
                    value, Map.of("ge", 0)));
            return null;
        }
        return limit;
    }

    private Boolean cacheEnabled(JsonNode value, List<Object> loc) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            errors.add(ValidationError.of("bool_type", loc, "Input should be a valid boolean", value));
            return null;
        }
        return value.booleanValue();
    }

    private ObjectNode object(JsonNode value, List<Object> loc, String model) {
        if (value instanceof ObjectNode object) {
            return object;
        }
        errors.add(new ValidationError("model_type", loc,
                "Input should be a valid dictionary or instance of " + model, value,
                Map.of("class_name", model)));
        return null;
    }

    /** Whether {@code object} has no member outside {@code allowed}, recording each other one as forbidden. */
    private boolean onlyMembers(ObjectNode object, Set<String> allowed, List<Object> loc) {
        boolean only = true;
        for (Iterator<Map.Entry<String, JsonNode>> members = object.fields(); members.hasNext(); ) {
            Map.Entry<String, JsonNode> member = members.next();
            if (!allowed.contains(member.getKey())) {
                errors.add(ValidationError.of("extra_forbidden", BodyReader.at(loc, member.getKey()),
                        "Extra inputs are not permitted", member.getValue()));
                only = false;
            }
        }
        return only;
    }
}
