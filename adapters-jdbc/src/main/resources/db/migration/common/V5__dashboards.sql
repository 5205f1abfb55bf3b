-- Dashboards of a project. The Perses-style definition is kept as the canonical JSON text the HTTP adapter wrote;
-- the slug is unique in the project; version starts at 1 and every update increments it, as a compare-and-set on
-- the stored version. created_by and updated_by are history, not ownership: like the credentials' stamps they carry
-- no foreign key. A project's dashboards go with it.

CREATE TABLE dashboards (
    id          UUID                     NOT NULL,
    project_id  UUID                     NOT NULL,
    name        VARCHAR                  NOT NULL,
    slug        VARCHAR(100)             NOT NULL,
    definition  VARCHAR                  NOT NULL,
    version     BIGINT                   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  UUID,
    updated_at  TIMESTAMP WITH TIME ZONE,
    updated_by  UUID,
    CONSTRAINT pk_dashboards PRIMARY KEY (id),
    CONSTRAINT fk_dashboards_project FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE,
    CONSTRAINT uq_dashboards_project_slug UNIQUE (project_id, slug),
    CONSTRAINT ck_dashboards_version CHECK (version >= 1)
);

CREATE INDEX ix_dashboards_project_created ON dashboards (project_id, created_at, id);
