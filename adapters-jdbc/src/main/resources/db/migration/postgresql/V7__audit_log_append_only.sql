-- The audit log is append-only in the database itself, not only in the adapter: no UPDATE or DELETE of an entry
-- or of its field changes succeeds, whoever issues it. (TRUNCATE fires no row trigger; it stays an administrator's
-- tool, as does dropping the table.)

CREATE FUNCTION gatehouse_refuse_audit_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: its rows cannot be updated or deleted'
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER tr_audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION gatehouse_refuse_audit_change();

CREATE TRIGGER tr_audit_field_changes_append_only BEFORE UPDATE OR DELETE ON audit_field_changes
    FOR EACH ROW EXECUTE FUNCTION gatehouse_refuse_audit_change();
