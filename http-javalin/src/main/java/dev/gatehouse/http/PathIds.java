package dev.gatehouse.http;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** Strict UUID parsing for path and body identifiers, with the reference's {@code uuid_parsing} error. */
final class PathIds {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");

    private PathIds() {
    }

    /** The UUID spelled by {@code text} (hyphenated or plain 32 hex digits, any case), or null. */
    static UUID parseUuid(String text) {
        if (text == null || !UUID_TEXT.matcher(text).matches()) {
            return null;
        }
        String hex = text.replace("-", "");
        return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
    }

    /** The error for text at {@code loc} that is not a UUID. */
    static ValidationError uuidError(List<Object> loc, String text) {
        return new ValidationError("uuid_parsing", loc, "Input should be a valid UUID", text,
                Map.of("error", "expected 32 hexadecimal digits, optionally grouped 8-4-4-4-12 by hyphens"));
    }
}
