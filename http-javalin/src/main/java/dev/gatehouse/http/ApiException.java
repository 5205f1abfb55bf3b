package dev.gatehouse.http;

import java.util.List;

/** The failures the HTTP layer itself detects, each rendered by {@link ErrorMapping}. */
abstract class ApiException extends RuntimeException {

    ApiException(String message) {
        super(message, null, false, false);
    }

    /** The request carried no valid credential, whatever the reason: always the same 401. */
    static final class Unauthenticated extends ApiException {
        Unauthenticated() {
            super("Invalid authentication credentials");
        }
    }

    /** The caller's bucket is empty. */
    static final class RateLimited extends ApiException {
        private final long retryAfterSeconds;

        RateLimited(long retryAfterSeconds) {
            super("Rate limit exceeded");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** The request failed validation before reaching any port. */
    static final class Invalid extends ApiException {
        private final List<ValidationError> errors;

        Invalid(List<ValidationError> errors) {
            super("Request validation failed");
            this.errors = List.copyOf(errors);
        }

        List<ValidationError> errors() {
            return errors;
        }
    }

    /** A resource the route needs does not exist for the caller. */
    static final class NotFound extends ApiException {
        NotFound(String message) {
            super(message);
        }
    }
}
