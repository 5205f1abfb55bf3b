-- Organizations, their projects and the credentials that act on them.
-- Only token hashes are stored, never a token. Timestamps are UTC instants at microsecond precision.
-- Lengths are bounded only where the domain bounds them, so that the database never refuses what the model accepts.

CREATE TABLE organizations (
    id         UUID                     NOT NULL,
    name       VARCHAR(100)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_organizations PRIMARY KEY (id),
    CONSTRAINT uq_organizations_name UNIQUE (name)
);

CREATE TABLE projects (
    id              UUID                     NOT NULL,
    organization_id UUID                     NOT NULL,
    name            VARCHAR(50)              NOT NULL,
    description     VARCHAR(500),
    visibility      VARCHAR(16)              NOT NULL,
    environment     VARCHAR(16)              NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_projects PRIMARY KEY (id),
    CONSTRAINT fk_projects_organization FOREIGN KEY (organization_id) REFERENCES organizations (id),
    CONSTRAINT uq_projects_organization_name UNIQUE (organization_id, name),
    -- the target of the credentials' composite key, so that a credential's project lies in its organization
    CONSTRAINT uq_projects_id_organization UNIQUE (id, organization_id),
    CONSTRAINT ck_projects_visibility CHECK (visibility IN ('private', 'public')),
    CONSTRAINT ck_projects_environment CHECK (environment IN ('production', 'staging', 'development'))
);

-- created_by, updated_by and rotated_from are history, not ownership: they carry no foreign key, so that
-- deleting a project never fails on, or silently rewrites, a credential that merely mentions one of its own.
-- scopes holds the wire names, sorted and separated by single spaces.
CREATE TABLE credentials (
    id              UUID                     NOT NULL,
    organization_id UUID                     NOT NULL,
    project_id      UUID,
    kind            VARCHAR(2)               NOT NULL,
    name            VARCHAR,
    description     VARCHAR,
    scopes          VARCHAR                  NOT NULL,
    token_hash      VARCHAR(64)              NOT NULL,
    token_prefix    VARCHAR                  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      UUID,
    expires_at      TIMESTAMP WITH TIME ZONE,
    last_used_at    TIMESTAMP WITH TIME ZONE,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    updated_at      TIMESTAMP WITH TIME ZONE,
    updated_by      UUID,
    rotated_from    UUID,
    CONSTRAINT pk_credentials PRIMARY KEY (id),
    CONSTRAINT fk_credentials_organization FOREIGN KEY (organization_id) REFERENCES organizations (id),
    CONSTRAINT fk_credentials_project FOREIGN KEY (project_id, organization_id)
        REFERENCES projects (id, organization_id) ON DELETE CASCADE,
    -- at most one successor per credential: the losing side of a concurrent rotation fails here
    CONSTRAINT uq_credentials_rotated_from UNIQUE (rotated_from),
    CONSTRAINT ck_credentials_kind CHECK (kind IN ('ak', 'wt', 'rt')),
    CONSTRAINT ck_credentials_project_binding CHECK (kind = 'ak' OR project_id IS NOT NULL),
    CONSTRAINT ck_credentials_api_key_name CHECK (kind <> 'ak' OR name IS NOT NULL),
    CONSTRAINT ck_credentials_scopes CHECK (scopes <> '')
);

-- the verification lookup
CREATE UNIQUE INDEX ux_credentials_token_hash ON credentials (token_hash);

CREATE INDEX ix_credentials_organization ON credentials (organization_id, kind, created_at);

CREATE INDEX ix_credentials_project ON credentials (project_id, kind, created_at);
