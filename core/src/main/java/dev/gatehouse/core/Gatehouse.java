package dev.gatehouse.core;

import dev.gatehouse.core.internal.ChannelSecrets;
import dev.gatehouse.core.internal.FailedLoginRecorder;
import dev.gatehouse.core.internal.LastUsedRecorder;
import dev.gatehouse.core.internal.Timekeeper;
import dev.gatehouse.core.internal.TokenFormat;
import dev.gatehouse.core.internal.TokenHasher;
import dev.gatehouse.core.internal.VerificationCache;
import dev.gatehouse.ports.in.Alerts;
import dev.gatehouse.ports.in.AuditLog;
import dev.gatehouse.ports.in.Bootstrap;
import dev.gatehouse.ports.in.Channels;
import dev.gatehouse.ports.in.Credentials;
import dev.gatehouse.ports.in.Dashboards;
import dev.gatehouse.ports.in.Organizations;
import dev.gatehouse.ports.in.Projects;
import dev.gatehouse.ports.in.UseCases;
import dev.gatehouse.ports.in.Variables;
import dev.gatehouse.ports.in.Verifier;
import dev.gatehouse.ports.out.QueryChecker;
import dev.gatehouse.ports.out.Storage;
import dev.gatehouse.ports.out.VerificationInvalidations;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * One Gatehouse instance: every use case over one storage, with its verification cache and the write-behind of
 * {@code last_used_at} and of failed authentications. Build it with {@link #builder()}; close it to flush pending
 * writes (the storage stays open: its owner closes it). Thread-safe.
 */
public final class Gatehouse implements UseCases, AutoCloseable {

    /** Known and, separately, unknown token hashes the verification cache holds by default. */
    public static final long DEFAULT_VERIFICATION_CACHE_ENTRIES = 100_000;
    /** How long the verification cache keeps a known credential, and an unknown hash, by default. */
    public static final Duration DEFAULT_VERIFICATION_CACHE_TTL = Duration.ofSeconds(1);
    /** The shortest flush interval and failed-login window: a shorter one would keep a core busy flushing. */
    public static final Duration MIN_FLUSH_INTERVAL = Duration.ofMillis(1);
    /** The longest flush interval and failed-login window, which the flusher threads count in nanoseconds. */
    public static final Duration MAX_FLUSH_INTERVAL = Duration.ofNanos(Long.MAX_VALUE);

    private final Projects projects;
    private final Credentials credentials;
    private final Verifier verifier;
    private final Organizations organizations;
    private final Bootstrap bootstrap;
    private final AuditLog auditLog;
    private final Timekeeper time;
    private final LastUsedRecorder lastUsed;
    private final FailedLoginRecorder failedLogins;
    private final Channels channels;
    private final Alerts alerts;
    private final Dashboards dashboards;
    private final Variables variables;
    private final VerificationInvalidations.Subscription invalidations;
    private final ClosedGuard guard = new ClosedGuard();

    private Gatehouse(Builder builder, Startup startup) {
        Storage storage = builder.storage;
        // What may still fail comes before the first background thread starts; what starts one is handed to
        // startup, which stops it again if a later step fails.
        InstallationCheck.require(storage.fingerprints(), builder.pepper, builder.masterSecret);
        ChannelCodec channelCodec = new ChannelCodec(new ChannelSecrets(builder.masterSecret(), new SecureRandom()));
        QueryChecker queryChecker = builder.queryChecker();
        Env env = new Env(storage, builder.clock);
        TokenFormat format = new TokenFormat(builder.tokenPrefix, new SecureRandom());
        TokenHasher hasher = builder.pepper == null ? TokenHasher.sha256() : TokenHasher.hmacSha256(builder.pepper);
        this.time = startup.started(Timekeeper.of(builder.clock));
        VerificationCache cache = new VerificationCache(builder.cacheMaxEntries, builder.positiveTtl,
                builder.negativeTtl, storage.credentials()::findGrantByHash, time);
        this.lastUsed = startup.started(new LastUsedRecorder(
                batch -> storage.transactions().run(() -> storage.credentials().recordUse(batch)),
                builder.flushInterval, time));
        this.projects = guard.guard(Projects.class, new ProjectService(env, cache));
        this.credentials = guard.guard(Credentials.class, new CredentialService(env, format, hasher, cache));
        this.failedLogins = startup.started(new FailedLoginRecorder(new FailedLoginAudit(storage), builder.clock,
                builder.failedLoginWindow));
        this.verifier = guard.guard(new VerifierService(format, hasher, cache, time, lastUsed, failedLogins));
        this.organizations = guard.guard(Organizations.class, new OrganizationService(storage.organizations()));
        this.bootstrap = guard.guard(Bootstrap.class, new BootstrapService(env, format, hasher));
        this.auditLog = guard.guard(AuditLog.class, new AuditLogService(env));
        ChannelService channelService = new ChannelService(env, channelCodec);
        this.channels = guard.guard(Channels.class, channelService);
        this.alerts = guard.guard(Alerts.class, new AlertService(env, channelService, queryChecker));
        this.dashboards = guard.guard(Dashboards.class, new DashboardService(env));
        this.variables = guard.guard(Variables.class, new VariableService(env));
        this.invalidations = storage.invalidations().subscribe(new CacheInvalidator(cache));
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

    /** Creates, reads, updates and deletes notification channels, whose secrets it encrypts and masks. */
    @Override
    public Channels channels() {
        return channels;
    }

    /** Creates, reads, updates and deletes the alerts of projects, with their channels masked. */
    @Override
    public Alerts alerts() {
        return alerts;
    }

    /** Creates, reads, updates and deletes project dashboards, with optimistic locking on their versions. */
    @Override
    public Dashboards dashboards() {
        return dashboards;
    }

    /** Creates, reads and updates managed variables with their versions, labels and rollout rules. */
    @Override
    public Variables variables() {
        return variables;
    }

    /**
     * Stops listening for other instances' changes, writes pending {@code last_used_at} updates and the failed
     * authentications of the current window, and stops the background flushers, giving up with a logged warning on a
     * flusher whose write still hangs after 10 seconds; leaves the storage open. From then on every use case and
     * every verification throws {@link IllegalStateException} ("Gatehouse is closed"), since what they record would
     * no longer be written; stop the callers first, as a call still running when this begins may lose its record.
     */
    @Override
    public void close() {
        guard.close();
        invalidations.close();
        lastUsed.close();
        failedLogins.close();
        time.close();
    }

    /** Configures a {@link Gatehouse}; not thread-safe, meant to be used by one thread and discarded. */
    public static final class Builder {

        private Storage storage;
        private Clock clock = Clock.systemUTC();
        private byte[] pepper;
        private String tokenPrefix = "gth";
        private long cacheMaxEntries = DEFAULT_VERIFICATION_CACHE_ENTRIES;
        private Duration positiveTtl = DEFAULT_VERIFICATION_CACHE_TTL;
        private Duration negativeTtl = DEFAULT_VERIFICATION_CACHE_TTL;
        private Duration flushInterval = Duration.ofMinutes(1);
        private Duration failedLoginWindow = Duration.ofMinutes(1);
        private byte[] masterSecret;
        private QueryChecker queryChecker;

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

        /**
         * How often pending {@code last_used_at} updates are written, in one batch; defaults to one minute.
         *
         * @throws IllegalArgumentException if shorter than {@link #MIN_FLUSH_INTERVAL} or longer than
         *         {@link #MAX_FLUSH_INTERVAL}
         */
        public Builder lastUsedFlushInterval(Duration interval) {
            this.flushInterval = requireFlushInterval(interval, "the flush interval");
            return this;
        }

        /**
         * How long failed authentications are counted in memory before they are written as at most one
         * {@code FAILED_LOGIN} audit entry per organization, so that a flood of bad tokens cannot grow the log without
         * bound; defaults to one minute. Malformed and unknown tokens name no organization and are recorded in the
         * installation's first (the bootstrapped) organization; revoked and expired credentials in their own.
         *
         * @throws IllegalArgumentException if shorter than {@link #MIN_FLUSH_INTERVAL} or longer than
         *         {@link #MAX_FLUSH_INTERVAL}
         */
        public Builder failedLoginWindow(Duration window) {
            this.failedLoginWindow = requireFlushInterval(window, "the failed-login window");
            return this;
        }

        /**
         * The installation's master secret, from which the key that encrypts channel secrets at rest is derived; at
         * least 32 bytes, copied. Every instance sharing a store needs the same one. Without it each instance makes a
         * random one of its own, so that channel secrets it stores cannot be read after a restart or by another
         * instance: fine for an in-memory store, never for a persistent one.
         */
        public Builder masterSecret(byte[] masterSecret) {
            if (masterSecret == null || masterSecret.length < ChannelSecrets.MIN_MASTER_SECRET_BYTES) {
                throw new IllegalArgumentException(
                        "a master secret has at least " + ChannelSecrets.MIN_MASTER_SECRET_BYTES + " bytes");
            }
            this.masterSecret = Arrays.copyOf(masterSecret, masterSecret.length);
            return this;
        }

        /**
         * What judges alert queries (exactly one read-only SELECT); defaults to the first {@link QueryChecker} that
         * {@link ServiceLoader} finds, as {@code gatehouse-adapters-sqlparser} provides. Without either, creating or
         * re-querying an alert fails with an {@link IllegalStateException}.
         */
        public Builder queryChecker(QueryChecker queryChecker) {
            this.queryChecker = Objects.requireNonNull(queryChecker, "queryChecker");
            return this;
        }

        /**
         * A Gatehouse over the configured storage; starts its flusher threads, and stops them again if the build
         * fails after starting them.
         *
         * @throws IllegalStateException if no storage was given
         */
        public Gatehouse build() {
            if (storage == null) {
                throw new IllegalStateException("a Gatehouse needs a storage");
            }
            Startup startup = new Startup();
            try {
                return new Gatehouse(this, startup);
            } catch (RuntimeException | Error failure) {
                startup.abort(failure);
                throw failure;
            }
        }

        /** The configured master secret, or a random one for this instance alone. */
        /** The configured query checker, else one found on the classpath, else null. */
        private QueryChecker queryChecker() {
            if (queryChecker != null) {
                return queryChecker;
            }
            return ServiceLoader.load(QueryChecker.class).findFirst().orElse(null);
        }

        private byte[] masterSecret() {
            if (masterSecret != null) {
                return masterSecret;
            }
            byte[] ephemeral = new byte[ChannelSecrets.MIN_MASTER_SECRET_BYTES];
            new SecureRandom().nextBytes(ephemeral);
            return ephemeral;
        }

        private static Duration requireFlushInterval(Duration interval, String name) {
            Objects.requireNonNull(interval, name);
            if (interval.compareTo(MIN_FLUSH_INTERVAL) < 0) {
                throw new IllegalArgumentException(name + " must be at least " + MIN_FLUSH_INTERVAL);
            }
            if (interval.compareTo(MAX_FLUSH_INTERVAL) > 0) {
                throw new IllegalArgumentException(name + " must be at most " + MAX_FLUSH_INTERVAL);
            }
            return interval;
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
