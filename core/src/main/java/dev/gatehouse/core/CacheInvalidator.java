package dev.gatehouse.core;

import dev.gatehouse.core.internal.VerificationCache;
import dev.gatehouse.ports.model.TokenHash;
import dev.gatehouse.ports.out.VerificationInvalidations;
import java.util.Collection;

/** Applies the changes other instances announce to this instance's verification cache. */
final class CacheInvalidator implements VerificationInvalidations.Subscriber {

    private final VerificationCache cache;

    CacheInvalidator(VerificationCache cache) {
        this.cache = cache;
    }

    @Override
    public void forget(Collection<TokenHash> hashes) {
        cache.invalidateAll(hashes);
    }

    @Override
    public void forgetAll() {
        cache.invalidateEverything();
    }
}
