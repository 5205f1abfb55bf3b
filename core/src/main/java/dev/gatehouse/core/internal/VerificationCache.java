package dev.gatehouse.core.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Interner;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.gatehouse.ports.model.CredentialGrant;
import dev.gatehouse.ports.model.CredentialKind;
import dev.gatehouse.ports.model.OrganizationId;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.ScopeClaims;
import dev.gatehouse.ports.model.TokenHash;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A bounded cache of credential lookups keyed by token hash: known credentials for {@code positiveTtl}, unknown
 * hashes for {@code negativeTtl}; internal API. Thread-safe.
 */
public final class VerificationCache {

    private static final HexFormat HEX = HexFormat.of();
    private static final Instant LATEST_IN_MICROS = Instant.ofEpochSecond(Long.MAX_VALUE / 1_000_000L - 1);

    private final Cache<Key, Known> known;
    private final Cache<Key, Boolean> unknown;
    private final Function<TokenHash, Optional<CredentialGrant>> lookup;
    private final Interner<OrganizationId> organizations = Interner.newWeakInterner();
    private final Interner<ProjectId> projects = Interner.newWeakInterner();
    private final Interner<Set<Scope>> scopeSets = Interner.newWeakInterner();

    /**
     * A cache of at most {@code maxEntries} known and {@code maxEntries} unknown hashes, filled by {@code lookup},
     * whose entries age by {@code time}'s recent nanoseconds, so that a hit reads no clock.
     *
     * @throws IllegalArgumentException if the size or a time to live is negative
     */
    public VerificationCache(long maxEntries, Duration positiveTtl, Duration negativeTtl,
            Function<TokenHash, Optional<CredentialGrant>> lookup, Timekeeper time) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("maxEntries must not be negative");
        }
        requireNotNegative(positiveTtl, "positiveTtl");
        requireNotNegative(negativeTtl, "negativeTtl");
        Objects.requireNonNull(lookup, "lookup");
        Ticker ticker = Objects.requireNonNull(time, "time")::recentNanos;
        // Two caches with fixed lifetimes cost less per hit than one with a lifetime per entry. Upkeep runs on the
        // calling thread: handing it to a pool on every load costs more than doing it.
        this.known = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(positiveTtl).ticker(ticker)
                .executor(Runnable::run).build();
        this.unknown = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(negativeTtl).ticker(ticker)
                .executor(Runnable::run).build();
        this.lookup = lookup;
    }

    /**
     * The cached lookup of the token hash {@code digest}, or a fresh one which is then cached; {@code digest} is
     * copied before the lookup runs and never kept, so it may be a reused buffer. An invalidation of a known hash
     * waits for a running lookup of it, so that it never leaves a stale entry behind; callers must therefore never
     * invalidate while holding anything a lookup needs, such as an open unit of work, but after its commit.
     */
    public Entry get(byte[] digest) {
        Key key = Key.of(digest);
        Known hit = known.getIfPresent(key);
        if (hit != null) {
            return hit;
        }
        if (unknown.getIfPresent(key) != null) {
            return Unknown.INSTANCE;
        }
        // The hash's text from the digest at hand, which costs less than from the key, taken before the lookup runs.
        TokenHash hash = new TokenHash(HEX.formatHex(digest));
        Known loaded = known.get(key, absent -> lookup.apply(hash).map(this::known).orElse(null));
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

    /** Forgets every lookup, for when announcements of changes may have been missed. */
    public void invalidateEverything() {
        known.invalidateAll();
        unknown.invalidateAll();
    }

    /**
     * The cached form of {@code grant}, sharing id objects with the other entries of its organization, its scope set
     * with every entry that has an equal one, and the empty claims with every entry without claims.
     */
    private Known known(CredentialGrant grant) {
        OrganizationId organization = organizations.intern(grant.organizationId());
        ProjectId project = grant.projectId() == null ? null : projects.intern(grant.projectId());
        long expiresAt = grant.expiresAt() == null ? Long.MAX_VALUE : expiryMicros(grant.expiresAt());
        ScopeClaims claims = grant.claims().isEmpty() ? ScopeClaims.NONE : grant.claims();
        Principal principal = new Principal(grant.id(), grant.kind(), organization, project,
                scopeSets.intern(grant.scopes()), claims);
        return new Known(principal, expiresAt, grant.revoked());
    }

    /**
     * A stored expiry in epoch microseconds. Gatehouse accepts none after year 9999, but a row may predate that rule:
     * one too late for a long of microseconds (after year 294,000) never comes, and still reads as an expiry.
     */
    private static long expiryMicros(Instant expiresAt) {
        return expiresAt.isAfter(LATEST_IN_MICROS) ? Long.MAX_VALUE - 1 : epochMicros(expiresAt);
    }

    private static long epochMicros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
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
     * What verification needs of a credential: the principal it authenticates, built once so that a hit builds none
     * (its ids, scope set and empty claims shared with other entries); its expiry in epoch microseconds
     * ({@link Long#MAX_VALUE} for never) and revocation are checked on every use.
     */
    public static final class Known implements Entry {

        private final Principal principal;
        private final long expiresAtMicros;
        private final boolean revoked;
        /** The last instant {@link #noteUse} accepted; read and written without synchronisation, see there. */
        private Instant notedUse;

        Known(Principal principal, long expiresAtMicros, boolean revoked) {
            this.principal = principal;
            this.expiresAtMicros = expiresAtMicros;
            this.revoked = revoked;
        }

        /** The credential's kind. */
        public CredentialKind kind() {
            return principal.kind();
        }

        /** The credential's organization. */
        public OrganizationId organizationId() {
            return principal.organizationId();
        }

        /** Whether the credential was revoked. */
        public boolean revoked() {
            return revoked;
        }

        /** The principal this credential authenticates, the same object on every use. */
        public Principal principal() {
            return principal;
        }

        /** Whether the credential has an expiry at all. */
        public boolean expires() {
            return expiresAtMicros != Long.MAX_VALUE;
        }

        /** Whether the credential's expiry is not after {@code now}. */
        public boolean isExpiredAt(Instant now) {
            return epochMicros(now) >= expiresAtMicros;
        }

        /**
         * Whether a use at {@code at}, an instant of {@link Timekeeper#recent()}, is not yet noted here, noting it:
         * the ticked instant is one object per tick, so that a hot credential reaches the last-used recorder once a
         * tick instead of once a request. Unsynchronised on purpose: a lost or stale note costs one more call to the
         * recorder, which keeps the latest use itself, and an {@link Instant} is safe to share without a barrier.
         */
        public boolean noteUse(Instant at) {
            if (notedUse == at) {
                return false;
            }
            notedUse = at;
            return true;
        }
    }

    /** No credential has the hash. */
    public enum Unknown implements Entry {
        INSTANCE
    }

    /**
     * A raw SHA-256 hash as four longs, cheaper than its bytes or hex text as a map key. The hash code mixes the
     * hash with a per-process secret so that presented tokens cannot be ground to pile up in one bucket.
     */
    private record Key(long first, long second, long third, long fourth) implements Comparable<Key> {
        private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
        private static final long SEED = new SecureRandom().nextLong() | 1;

        static Key of(byte[] digest) {
            return new Key((long) LONGS.get(digest, 0), (long) LONGS.get(digest, 8), (long) LONGS.get(digest, 16),
                    (long) LONGS.get(digest, 24));
        }

        static Key of(TokenHash hash) {
            return of(HEX.parseHex(hash.hex()));
        }

        @Override
        public int hashCode() {
            return (int) ((first * SEED) >>> 32);
        }

        @Override
        public int compareTo(Key other) {
            int order = Long.compareUnsigned(first, other.first);
            if (order == 0) {
                order = Long.compareUnsigned(second, other.second);
            }
            if (order == 0) {
                order = Long.compareUnsigned(third, other.third);
            }
            return order == 0 ? Long.compareUnsigned(fourth, other.fourth) : order;
        }
    }
}
