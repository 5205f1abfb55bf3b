package dev.gatehouse.core;

import dev.gatehouse.core.internal.FailedLoginRecorder;
import dev.gatehouse.core.internal.LastUsedRecorder;
import dev.gatehouse.core.internal.Timekeeper;
import dev.gatehouse.core.internal.TokenFormat;
import dev.gatehouse.core.internal.TokenHasher;
import dev.gatehouse.core.internal.VerificationCache;
import dev.gatehouse.ports.in.Verifier;
import dev.gatehouse.ports.model.DenialReason;
import dev.gatehouse.ports.model.Principal;
import dev.gatehouse.ports.model.ProjectId;
import dev.gatehouse.ports.model.Scope;
import dev.gatehouse.ports.model.VerifyResult;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link Verifier}: shape and checksum, hash, cached lookup, revocation, expiry, then scope and project.
 * Never writes to the store; uses and refusals are handed to the write-behind recorders. Thread-safe.
 */
final class VerifierService implements Verifier {

    private static final Map<DenialReason, VerifyResult.Denied> DENIALS = new EnumMap<>(DenialReason.class);
    private static final Map<Scope, VerifyResult.Denied> MISSING_SCOPE = new EnumMap<>(Scope.class);

    static {
        for (DenialReason reason : DenialReason.values()) {
            DENIALS.put(reason, VerifyResult.Denied.because(reason));
        }
        for (Scope scope : Scope.values()) {
            MISSING_SCOPE.put(scope, new VerifyResult.Denied(DenialReason.INSUFFICIENT_SCOPE, scope));
        }
    }

    private final TokenFormat format;
    /** Each thread's hash engine, whose buffer holds a hash only until {@link VerificationCache#get} has read it. */
    private final ThreadLocal<TokenHasher.Engine> engines;
    private final VerificationCache cache;
    private final Timekeeper time;
    private final LastUsedRecorder lastUsed;
    private final FailedLoginRecorder failedLogins;

    VerifierService(TokenFormat format, TokenHasher hasher, VerificationCache cache, Timekeeper time,
            LastUsedRecorder lastUsed, FailedLoginRecorder failedLogins) {
        this.format = format;
        this.engines = ThreadLocal.withInitial(hasher::newEngine);
        this.cache = cache;
        this.time = time;
        this.lastUsed = lastUsed;
        this.failedLogins = failedLogins;
    }

    @Override
    public VerifyResult verify(String token) {
        byte[] bytes = format.wellFormed(token);
        if (bytes == null) {
            failedLogins.unattributed(DenialReason.MALFORMED);
            return DENIALS.get(DenialReason.MALFORMED);
        }
        VerificationCache.Entry entry = cache.get(engines.get().digest(bytes));
        if (!(entry instanceof VerificationCache.Known known) || known.kind() != format.kindOf(bytes)) {
            failedLogins.unattributed(DenialReason.NOT_FOUND);
            return DENIALS.get(DenialReason.NOT_FOUND);
        }
        if (known.revoked()) {
            failedLogins.attributed(known.organizationId(), DenialReason.REVOKED);
            return DENIALS.get(DenialReason.REVOKED);
        }
        // Only an expiring credential reads the clock: an exact read, since expiry is a security decision.
        if (known.expires() && known.isExpiredAt(time.exact())) {
            failedLogins.attributed(known.organizationId(), DenialReason.EXPIRED);
            return DENIALS.get(DenialReason.EXPIRED);
        }
        Principal principal = known.principal();
        if (known.noteUse(time.recent())) {
            lastUsed.record(principal.credentialId());
        }
        return new VerifyResult.Verified(principal);
    }

    @Override
    public VerifyResult verify(String token, Scope scope) {
        Objects.requireNonNull(scope, "scope");
        VerifyResult result = verify(token);
        if (result instanceof VerifyResult.Verified verified && !verified.principal().has(scope)) {
            return MISSING_SCOPE.get(scope);
        }
        return result;
    }

    @Override
    public VerifyResult verify(String token, Scope scope, ProjectId project) {
        Objects.requireNonNull(project, "project");
        VerifyResult result = verify(token, scope);
        // A valid credential of another project authenticated: like a missing scope, it is no failed login.
        if (result instanceof VerifyResult.Verified verified && !verified.principal().covers(project)) {
            return DENIALS.get(DenialReason.NOT_FOUND);
        }
        return result;
    }
}
