package dev.gatehouse.launcher;

import java.time.Duration;
import java.util.Objects;

/**
 * How to build one Gatehouse instance.
 *
 * @param pepper the HMAC pepper of token hashes, or null for plain SHA-256
 * @param lastUsedFlushInterval how often pending {@code last_used_at} stamps are written, or null for the core's default
 */
record GatehouseSettings(StorageChoice storage, byte[] pepper, Duration lastUsedFlushInterval) {

    GatehouseSettings {
        Objects.requireNonNull(storage, "storage");
        pepper = pepper == null ? null : pepper.clone();
    }

    @Override
    public byte[] pepper() {
        return pepper == null ? null : pepper.clone();
    }

    /** Shows whether a pepper is set, never the pepper. */
    @Override
    public String toString() {
        return "GatehouseSettings[storage=" + storage + ", pepper=" + (pepper == null ? "none" : "set")
                + ", lastUsedFlushInterval=" + lastUsedFlushInterval + "]";
    }
}
