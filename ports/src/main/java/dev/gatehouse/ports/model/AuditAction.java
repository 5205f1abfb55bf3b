package dev.gatehouse.ports.model;

/** What an audit log entry records, spelled as the Logfire audit log spells it. */
public enum AuditAction {
    INSERT,
    UPDATE,
    DELETE,
    FAILED_LOGIN
}
