-- The audit log is append-only in the database itself, not only in the adapter: no UPDATE or DELETE of an entry
-- or of its field changes succeeds, whoever issues it. (TRUNCATE fires no row trigger; it stays an administrator's
-- tool, as does dropping the table.)

CREATE TRIGGER tr_audit_entries_append_only BEFORE UPDATE, DELETE ON audit_entries
    FOR EACH ROW CALL 'dev.gatehouse.adapters.jdbc.internal.AppendOnlyTrigger';

CREATE TRIGGER tr_audit_field_changes_append_only BEFORE UPDATE, DELETE ON audit_field_changes
    FOR EACH ROW CALL 'dev.gatehouse.adapters.jdbc.internal.AppendOnlyTrigger';
