package dev.gatehouse.ports.model;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Strict parsing of UUID text, since {@link UUID#fromString} accepts malformed input such as "1-1-1-1-1". */
final class Uuids {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {
    }

    static UUID parse(String text) {
        if (text == null || !CANONICAL.matcher(text).matches()) {
            throw new IllegalArgumentException("not a UUID: " + text);
        }
        return UUID.fromString(text.toLowerCase(Locale.ROOT));
    }
}
