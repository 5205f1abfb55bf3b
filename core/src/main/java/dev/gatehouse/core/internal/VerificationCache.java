package dev.gatehouse.core.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.gatehouse.ports.model.Credential;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.TokenHash;
import dev.gatehouse.ports.model.VerifyResult;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A bounded cache of credential lookups keyed by token hash: known credentials for {@code positiveTtl}, unknown
 * hashes for {@code negativeTtl}; internal API. Thread-safe.
 */
public final class VerificationCache {

    private static final HexFormat HEX = HexFormat.of();

    private final Cache<Key, Known> known;
    private final Cache<Key, Boolean> unknown;
    private final Function<Key, Known> load;

    /**
     * A cache of at most {@code maxEntries} known and {@code maxEntries} unknown hashes, filled by {@code lookup}.
     *
     * @throws IllegalArgumentException if the size or a time to live is negative
     */
    public VerificationCache(long maxEntries, Duration positiveTtl, Duration negativeTtl,
            Function<TokenHash, Optional<Credential>> lookup) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("maxEntries must not be negative");
        }
        requireNotNegative(positiveTtl, "positiveTtl");
        requireNotNegative(negativeTtl, "negativeTtl");
        Objects.requireNonNull(lookup, "lookup");
        // Two caches with fixed lifetimes cost less per hit than one with a lifetime per entry.
        this.known = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(positiveTtl).build();
        this.unknown = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(negativeTtl).build();
        this.load = key -> lookup.apply(key.tokenHash()).map(Known::new).orElse(null);
    }

    /**
     * The cached lookup of the token hash {@code digest}, or a fresh one which is then cached. An invalidation of
     * a known hash waits for a running lookup of it, so that it never leaves a stale entry behind; callers must
     * therefore never invalidate while holding anything a lookup needs, such as an open unit of work.
     */
    public Entry get(byte[] digest) {
        Key key = new Key(digest);
        Known hit = known.getIfPresent(key);
        if (hit != null) {
            return hit;
        }
        if (unknown.getIfPresent(key) != null) {
            return Unknown.INSTANCE;
        }
        Known loaded = known.get(key, load);
        if (loaded == null) {
            // Unlike a known entry this one may race with the creation of its token, which no caller can present
            // before the creation has returned it.
            unknown.put(key, Boolean.TRUE);
            return Unknown.INSTANCE;
        }
        return loaded;
    }

    /** Forgets the lookup of this hash, so that the next verification reads the store. */
    public void invalidate(TokenHash hash) {
        Key key = Key.of(hash);
        known.invalidate(key);
        unknown.invalidate(key);
    }

    /** Forgets the lookups of these hashes. */
    public void invalidateAll(Collection<TokenHash> hashes) {
        List<Key> keys = hashes.stream().map(Key::of).toList();
        known.invalidateAll(keys);
        unknown.invalidateAll(keys);
    }

    private static void requireNotNegative(Duration ttl, String name) {
        Objects.requireNonNull(ttl, name);
        if (ttl.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }

    /** A cached lookup: a known credential or an unknown hash. */
    public sealed interface Entry permits Known, Unknown {
    }

    /**
     * A credential snapshot with its ready-made verification result; revocation and expiry are still checked on
     * every use.
     */
    public record Known(Credential credential, VerifyResult.Verified verified) implements Entry {

        Known(Credential credential) {
            this(credential, new VerifyResult.Verified(Principal.of(credential)));
        }
    }

    /** No credential has the hash. */
    public enum Unknown implements Entry {
        INSTANCE
    }

    /**
     * A raw hash as a map key, cheaper than its hex text on the hot path. The hash code mixes the hash with a
     * per-process secret so that presented tokens cannot be ground to pile up in one bucket.
     */
    private static final class Key implements Comparable<Key> {
        private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
        private static final long SEED = new SecureRandom().nextLong() | 1;

        private final byte[] digest;
        private final int hash;

        Key(byte[] digest) {
            this.digest = digest;
            this.hash = (int) (((long) LONGS.get(digest, 0) * SEED) >>> 32);
        }

        static Key of(TokenHash hash) {
            return new Key(HEX.parseHex(hash.hex()));
        }

        TokenHash tokenHash() {
            return new TokenHash(HEX.formatHex(digest));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Arrays.equals(digest, key.digest);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public int compareTo(Key other) {
            return Arrays.compareUnsigned(digest, other.digest);
        }
    }
}
