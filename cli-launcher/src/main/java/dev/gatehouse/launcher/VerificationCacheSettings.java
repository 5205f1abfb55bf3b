package dev.gatehouse.launcher;

import dev.gatehouse.core.Gatehouse;
import java.time.Duration;

/**
 * The verification cache of one instance: how many known and unknown token hashes it holds, and how long it keeps
 * each kind; {@link Gatehouse.Builder#verificationCache} refuses negative values.
 *
 * @param knownTtl how long a verified credential is trusted without reading the store; it bounds how long a change
 *     made on another instance goes unseen while announcements of changes cannot reach this one
 * @param unknownTtl how long a token hash that no credential has is refused without reading the store
 */
record VerificationCacheSettings(long maxEntries, Duration knownTtl, Duration unknownTtl) {

    /** The core's defaults. */
    static VerificationCacheSettings defaults() {
        return new VerificationCacheSettings(Gatehouse.DEFAULT_VERIFICATION_CACHE_ENTRIES,
                Gatehouse.DEFAULT_VERIFICATION_CACHE_TTL, Gatehouse.DEFAULT_VERIFICATION_CACHE_TTL);
    }
}
