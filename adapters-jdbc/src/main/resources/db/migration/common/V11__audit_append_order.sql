-- Entries written in one unit of work share their created_at, and were listed among themselves by random id, so that
-- a project's DELETE could come between those of its tokens and a rotation's INSERT before or after the UPDATE it
-- caused. Each entry now gets a number as it is appended, which breaks such ties in the order of writing. Entries
-- from before this migration are numbered in no particular order.

ALTER TABLE audit_entries ADD COLUMN append_order BIGINT GENERATED ALWAYS AS IDENTITY;

DROP INDEX ix_audit_entries_organization_created;
CREATE INDEX ix_audit_entries_organization_created ON audit_entries (organization_id, created_at, append_order);
