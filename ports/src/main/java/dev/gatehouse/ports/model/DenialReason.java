package dev.gatehouse.ports.model;

/** Why a presented token was not accepted. */
public enum DenialReason {
    /** Wrong shape, prefix or checksum: refused before any lookup. */
    MALFORMED,
    /** Well-formed, but no credential has this hash. */
    NOT_FOUND,
    /** The credential was revoked. */
    REVOKED,
    /** The credential's {@code expires_at} has passed. */
    EXPIRED,
    /** The credential is valid but lacks the scope the operation needs. */
    INSUFFICIENT_SCOPE,
    /** The credential made more requests than its rate limit allows. */
    RATE_LIMITED
}
