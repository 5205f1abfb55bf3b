package dev.gatehouse.ports.model;

import java.util.Objects;

/** The stored form of a token: lowercase hex of SHA-256 or HMAC-SHA256, never the token itself. */
public record TokenHash(String hex) {

    private static final int HEX_LENGTH = 64;
    private static final boolean[] LOWERCASE_HEX = new boolean[128];

    static {
        for (char c : "0123456789abcdef".toCharArray()) {
            LOWERCASE_HEX[c] = true;
        }
    }

    public TokenHash {
        Objects.requireNonNull(hex, "hex");
        if (!isLowercaseHex256(hex)) {
            throw new IllegalArgumentException("a token hash is 64 lowercase hex characters");
        }
    }

    /**
     * A branch-free loop rather than a regular expression or a test per character, whose branches random hex
     * digits mispredict: every verification that misses the cache makes a hash.
     */
    private static boolean isLowercaseHex256(String hex) {
        if (hex.length() != HEX_LENGTH) {
            return false;
        }
        boolean all = true;
        for (int i = 0; i < HEX_LENGTH; i++) {
            char c = hex.charAt(i);
            all &= c < LOWERCASE_HEX.length & LOWERCASE_HEX[c & 0x7F];
        }
        return all;
    }

    @Override
    public String toString() {
        return hex;
    }
}
