package dev.gatehouse.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/** A JSON value read as pydantic reads an {@code int} field, within a long, with pydantic's error for each misfit. */
final class IntegerInput {

    private static final BigDecimal SMALLEST = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LARGEST = BigDecimal.valueOf(Long.MAX_VALUE);

    private IntegerInput() {
    }

    /**
     * {@code value} as a long, or null after adding the error that says why it is none: {@code int_type} for what is
     * no number, {@code finite_number} for one too large for a double, {@code int_from_float} for a fraction (a
     * whole number written {@code 3.0} is 3), {@code int_parsing_size} for one beyond a long.
     */
    static Long read(JsonNode value, List<Object> loc, List<ValidationError> errors) {
        if (!value.isNumber()) {
            errors.add(ValidationError.of("int_type", loc, "Input should be a valid integer", value));
            return null;
        }
        BigDecimal number = NumericInput.decimal(value);
        if (number == null) {
            errors.add(ValidationError.of("finite_number", loc, "Input should be a finite number", value));
            return null;
        }
        if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
            errors.add(ValidationError.of("int_from_float", loc,
                    "Input should be a valid integer, got a number with a fractional part", value));
            return null;
        }
        if (number.compareTo(SMALLEST) < 0 || number.compareTo(LARGEST) > 0) {
            errors.add(ValidationError.of("int_parsing_size", loc,
                    "Unable to parse input string as an integer, exceeded maximum size", value));
            return null;
        }
        return number.longValueExact();
    }
}
