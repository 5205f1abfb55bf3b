-- The append-only audit log. Entries carry no foreign key to the rest of the schema: an entry outlives the
-- project (or anything else) it mentions, and the log never refuses a record of what happened.

CREATE TABLE audit_entries (
    id              UUID                     NOT NULL,
    organization_id UUID                     NOT NULL,
    project_id      UUID,
    action          VARCHAR(16)              NOT NULL,
    resource_type   VARCHAR                  NOT NULL,
    record_id       VARCHAR,
    actor_id        UUID,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_audit_entries PRIMARY KEY (id),
    CONSTRAINT ck_audit_entries_action CHECK (action IN ('INSERT', 'UPDATE', 'DELETE', 'FAILED_LOGIN'))
);

CREATE INDEX ix_audit_entries_organization_created ON audit_entries (organization_id, created_at, id);

-- one row per changed field, in the order the entry lists them
CREATE TABLE audit_field_changes (
    entry_id   UUID    NOT NULL,
    position   INTEGER NOT NULL,
    field_name VARCHAR NOT NULL,
    old_value  VARCHAR,
    new_value  VARCHAR,
    CONSTRAINT pk_audit_field_changes PRIMARY KEY (entry_id, position),
    CONSTRAINT fk_audit_field_changes_entry FOREIGN KEY (entry_id) REFERENCES audit_entries (id)
);
