package dev.gatehouse.ports.model;

import java.util.Objects;
import java.util.regex.Pattern;

/** The stored form of a token: lowercase hex of SHA-256 or HMAC-SHA256, never the token itself. */
public record TokenHash(String hex) {

    private static final Pattern HEX_256 = Pattern.compile("[0-9a-f]{64}");

    public TokenHash {
        Objects.requireNonNull(hex, "hex");
        if (!HEX_256.matcher(hex).matches()) {
            throw new IllegalArgumentException("a token hash is 64 lowercase hex characters");
        }
    }

    @Override
    public String toString() {
        return hex;
    }
}
