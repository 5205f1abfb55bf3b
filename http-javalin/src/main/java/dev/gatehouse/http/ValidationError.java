package dev.gatehouse.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One entry of a 422 body, in the shape the reference's {@code ValidationError} gives it.
 *
 * @param loc where the bad input is: {@code ["body", "project_name"]}, {@code ["path", "project_id"]}
 * @param input the offending input as received (a JSON value), or null
 * @param ctx details such as the expected values; omitted when null
 */
record ValidationError(
        String type,
        List<Object> loc,
        String msg,
        @JsonInclude(JsonInclude.Include.ALWAYS) Object input,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> ctx) {

    ValidationError {
        loc = List.copyOf(loc);
        ctx = ctx == null ? null : Map.copyOf(ctx);
    }

    static ValidationError of(String type, List<Object> loc, String msg, Object input) {
        return new ValidationError(type, loc, msg, input, null);
    }
}
