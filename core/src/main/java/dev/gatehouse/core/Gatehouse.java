package dev.gatehouse.core;

import dev.gatehouse.core.internal.LastUsedRecorder;
import dev.gatehouse.core.internal.TokenFormat;
import dev.gatehouse.core.internal.TokenHasher;
import dev.gatehouse.core.internal.VerificationCache;
import dev.gatehouse.ports.in.AuditLog;
import dev.gatehouse.ports.in.Bootstrap;
import dev.gatehouse.ports.in.Credentials;
import dev.gatehouse.ports.in.Organizations;
import dev.gatehouse.ports.in.Projects;
import dev.gatehouse.ports.in.UseCases;
import dev.gatehouse.ports.in.Verifier;
import dev.gatehouse.ports.out.Storage;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * One Gatehouse instance: every use case over one storage, with its verification cache and the write-behind of
 * {@code last_used_at}. Build it with {@link #builder()}; close it to flush pending writes (the storage stays open:
 * its owner closes it). Thread-safe.
 */
public final class Gatehouse implements UseCases, AutoCloseable {

    private final Projects projects;
    private final Credentials credentials;
    private final Verifier verifier;
    private final Organizations organizations;
    private final Bootstrap bootstrap;
    private final AuditLog auditLog;
    private final LastUsedRecorder lastUsed;

    private Gatehouse(Builder builder) {
        Storage storage = builder.storage;
        Env env = new Env(storage, builder.clock);
        TokenFormat format = new TokenFormat(builder.tokenPrefix, new SecureRandom());
        TokenHasher hasher = builder.pepper == null ? TokenHasher.sha256() : TokenHasher.hmacSha256(builder.pepper);
        VerificationCache cache = new VerificationCache(builder.cacheMaxEntries, builder.positiveTtl,
                builder.negativeTtl, storage.credentials()::findByHash);
        this.lastUsed = new LastUsedRecorder(
                batch -> storage.transactions().run(() -> storage.credentials().recordUse(batch)),
                builder.flushInterval);
        this.projects = new ProjectService(env, cache);
        this.credentials = new CredentialService(env, format, hasher, cache);
        this.verifier = new VerifierService(format, hasher, cache, builder.clock, lastUsed);
        this.organizations = new OrganizationService(storage.organizations());
        this.bootstrap = new BootstrapService(env, format, hasher);
        this.auditLog = new AuditLogService(env);
    }

    /** A builder; only the storage is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Creates, reads, updates and deletes projects. */
    @Override
    public Projects projects() {
        return projects;
    }

    /** Issues, lists, rotates, expires and revokes API keys and tokens. */
    @Override
    public Credentials credentials() {
        return credentials;
    }

    /** Verifies presented tokens: the hot path. */
    @Override
    public Verifier verifier() {
        return verifier;
    }

    /** Reads organizations. */
    @Override
    public Organizations organizations() {
        return organizations;
    }

    /** Creates the first organization and its admin key on an empty installation. */
    @Override
    public Bootstrap bootstrap() {
        return bootstrap;
    }

    /** Reads the audit log. */
    @Override
    public AuditLog auditLog() {
        return auditLog;
    }

    /** Writes pending {@code last_used_at} updates and stops the background flusher; leaves the storage open. */
    @Override
    public void close() {
        lastUsed.close();
    }

    /** Configures a {@link Gatehouse}; not thread-safe, meant to be used by one thread and discarded. */
    public static final class Builder {

        private Storage storage;
        private Clock clock = Clock.systemUTC();
        private byte[] pepper;
        private String tokenPrefix = "gth";
        private long cacheMaxEntries = 100_000;
        private Duration positiveTtl = Duration.ofSeconds(1);
        private Duration negativeTtl = Duration.ofSeconds(1);
        private Duration flushInterval = Duration.ofMinutes(1);

        private Builder() {
        }

        /** The storage every use case reads and writes; required. */
        public Builder storage(Storage storage) {
            this.storage = Objects.requireNonNull(storage, "storage");
            return this;
        }

        /** The clock for timestamps and expiry checks; defaults to UTC system time. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Hash tokens with HMAC-SHA256 keyed with this secret instead of plain SHA-256; must not be empty. */
        public Builder pepper(byte[] pepper) {
            if (pepper == null || pepper.length == 0) {
                throw new IllegalArgumentException("a pepper must not be empty");
            }
            this.pepper = Arrays.copyOf(pepper, pepper.length);
            return this;
        }

        /** The first segment of every token, 2 to 10 lowercase letters or digits; defaults to {@code gth}. */
        public Builder tokenPrefix(String tokenPrefix) {
            if (tokenPrefix == null || !TokenFormat.PREFIX_PATTERN.matcher(tokenPrefix).matches()) {
                throw new IllegalArgumentException("a token prefix is 2 to 10 lowercase letters or digits");
            }
            this.tokenPrefix = tokenPrefix;
            return this;
        }

        /**
         * Bounds the verification cache to {@code maxEntries} known and as many unknown tokens, keeping the known
         * for {@code positiveTtl} and the unknown for {@code negativeTtl}; defaults to 100,000, 1 second and 1
         * second. The positive lifetime bounds how long a change made on another instance goes unseen here.
         */
        public Builder verificationCache(long maxEntries, Duration positiveTtl, Duration negativeTtl) {
            if (maxEntries < 0) {
                throw new IllegalArgumentException("maxEntries must not be negative");
            }
            this.cacheMaxEntries = maxEntries;
            this.positiveTtl = requireNotNegative(positiveTtl, "positiveTtl");
            this.negativeTtl = requireNotNegative(negativeTtl, "negativeTtl");
            return this;
        }

        /** How often pending {@code last_used_at} updates are written, in one batch; defaults to one minute. */
        public Builder lastUsedFlushInterval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("the flush interval must be positive");
            }
            this.flushInterval = interval;
            return this;
        }

        /**
         * A Gatehouse over the configured storage; starts its flusher thread.
         *
         * @throws IllegalStateException if no storage was given
         */
        public Gatehouse build() {
            if (storage == null) {
                throw new IllegalStateException("a Gatehouse needs a storage");
            }
            return new Gatehouse(this);
        }

        private static Duration requireNotNegative(Duration ttl, String name) {
            Objects.requireNonNull(ttl, name);
            if (ttl.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return ttl;
        }
    }
}
