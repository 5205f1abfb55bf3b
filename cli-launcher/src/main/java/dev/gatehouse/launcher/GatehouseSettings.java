package dev.gatehouse.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to build one Gatehouse instance.
 *
 * @param pepper the HMAC pepper of token hashes, or null for plain SHA-256
 * @param lastUsedFlushInterval how often pending {@code last_used_at} stamps are written, or null for the core's default
 * @param masterKeyFile the file holding the master secret of channel secrets, created on first use, or null for a
 *     secret that lives as long as the process (the in-memory store)
 * @param verificationCache the size and lifetimes of the verification cache
 */
record GatehouseSettings(StorageChoice storage, byte[] pepper, Duration lastUsedFlushInterval, Path masterKeyFile,
        VerificationCacheSettings verificationCache) {

    GatehouseSettings {
        Objects.requireNonNull(storage, "storage");
        pepper = pepper == null ? null : pepper.clone();
        Objects.requireNonNull(verificationCache, "verificationCache");
    }

    /** Settings with the core's verification cache. */
    GatehouseSettings(StorageChoice storage, byte[] pepper, Duration lastUsedFlushInterval, Path masterKeyFile) {
        this(storage, pepper, lastUsedFlushInterval, masterKeyFile, VerificationCacheSettings.defaults());
    }

    /** Settings with the core's verification cache and channel secrets encrypted under a secret of the process alone. */
    GatehouseSettings(StorageChoice storage, byte[] pepper, Duration lastUsedFlushInterval) {
        this(storage, pepper, lastUsedFlushInterval, null);
    }

    @Override
    public byte[] pepper() {
        return pepper == null ? null : pepper.clone();
    }

    /** Shows whether a pepper is set, never the pepper. */
    @Override
    public String toString() {
        return "GatehouseSettings[storage=" + storage + ", pepper=" + (pepper == null ? "none" : "set")
                + ", lastUsedFlushInterval=" + lastUsedFlushInterval + ", masterKeyFile=" + masterKeyFile
                + ", verificationCache=" + verificationCache + "]";
    }
}
