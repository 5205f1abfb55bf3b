package dev.gatehouse.core.internal;

import dev.gatehouse.ports.model.TokenHash;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Turns a token into the only form ever stored: SHA-256, or HMAC-SHA256 with a pepper; internal API. Thread-safe. */
public interface TokenHasher {

    /** Bytes in a hash. */
    int HASH_BYTES = 32;

    /** A new engine for one thread's hashes: creating one costs more than hashing, so a hot path keeps its own. */
    Engine newEngine();

    /** The lowercase hex of the token's hash. */
    default String hex(String token) {
        return HexFormat.of().formatHex(newEngine().digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    /** The token's hash as the stores keep it. */
    default TokenHash hash(String token) {
        return new TokenHash(hex(token));
    }

    /** Plain SHA-256, for installations without a pepper. */
    static TokenHasher sha256() {
        return new Sha256Hasher();
    }

    /**
     * HMAC-SHA256 keyed with {@code pepper}, so that a stolen table of hashes cannot be checked offline.
     *
     * @throws IllegalArgumentException if the pepper is null or empty
     */
    static TokenHasher hmacSha256(byte[] pepper) {
        return new HmacSha256Hasher(pepper);
    }

    /** One thread's hash function, writing every hash into one buffer of its own so that hashing allocates nothing. */
    interface Engine {

        /** The 32-byte hash of a token's bytes, in this engine's buffer, which its next call overwrites. */
        byte[] digest(byte[] token);
    }
}
