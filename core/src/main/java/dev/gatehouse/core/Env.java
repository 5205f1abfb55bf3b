package dev.gatehouse.core;

import dev.gatehouse.ports.model.Timestamps;
import dev.gatehouse.ports.out.Storage;
import java.time.Clock;
import java.time.Instant;

/** What every service shares: the storage, the clock and the audit trail. */
record Env(Storage storage, Clock clock, AuditTrail audit) {

    Env(Storage storage, Clock clock) {
        this(storage, clock, new AuditTrail(storage.audit()));
    }

    /** The current instant at the precision the stores keep, so that what is returned equals what is stored. */
    Instant now() {
        return Timestamps.micros(clock.instant());
    }
}
