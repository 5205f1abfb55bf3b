-- Managed variables of a project, one table per part, every part going with its variable and every variable with
-- its project. Free-form JSON (schemas, a condition's compared values) is kept as the canonical JSON text the HTTP
-- adapter wrote. Stamps (created_by, updated_by) are history, not ownership, and carry no foreign key.
--
-- A variable's rollout rules are numbered: rule 0 is its default rollout, rule n >= 1 its n-th override.

CREATE TABLE variables (
    id                     UUID                     NOT NULL,
    project_id             UUID                     NOT NULL,
    name                   VARCHAR(200)             NOT NULL,
    description            VARCHAR(500),
    json_schema            VARCHAR,
    template_inputs_schema VARCHAR,
    -- the default rollout's weight of the latest version; its label weights are rule 0's
    latest_weight          DOUBLE PRECISION,
    -- null when absent, else the aliases in order, separated by single spaces ('' for none): an alias has no space
    aliases                VARCHAR,
    example                VARCHAR,
    external               BOOLEAN                  NOT NULL,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by             UUID,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by             UUID,
    CONSTRAINT pk_variables PRIMARY KEY (id),
    CONSTRAINT fk_variables_project FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE,
    CONSTRAINT uq_variables_project_name UNIQUE (project_id, name),
    CONSTRAINT ck_variables_latest_weight CHECK (latest_weight >= 0 AND latest_weight <= 1)
);

CREATE INDEX ix_variables_project_created ON variables (project_id, created_at, id);

-- immutable once written: an update only ever adds versions
CREATE TABLE variable_versions (
    variable_id      UUID                     NOT NULL,
    version          INTEGER                  NOT NULL,
    serialized_value VARCHAR                  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by       UUID,
    CONSTRAINT pk_variable_versions PRIMARY KEY (variable_id, version),
    CONSTRAINT fk_variable_versions_variable FOREIGN KEY (variable_id) REFERENCES variables (id) ON DELETE CASCADE,
    CONSTRAINT ck_variable_versions_version CHECK (version >= 1)
);

CREATE TABLE variable_labels (
    variable_id    UUID                     NOT NULL,
    label          VARCHAR(200)             NOT NULL,
    target_type    VARCHAR(16)              NOT NULL,
    target_version INTEGER,
    target_label   VARCHAR(200),
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by     UUID,
    CONSTRAINT pk_variable_labels PRIMARY KEY (variable_id, label),
    CONSTRAINT fk_variable_labels_variable FOREIGN KEY (variable_id) REFERENCES variables (id) ON DELETE CASCADE,
    CONSTRAINT fk_variable_labels_version FOREIGN KEY (variable_id, target_version)
        REFERENCES variable_versions (variable_id, version) ON DELETE CASCADE,
    CONSTRAINT ck_variable_labels_target_type CHECK (target_type IN ('version', 'latest', 'code_default', 'label')),
    CONSTRAINT ck_variable_labels_target_version CHECK ((target_type = 'version') = (target_version IS NOT NULL)),
    CONSTRAINT ck_variable_labels_target_label CHECK ((target_type = 'label') = (target_label IS NOT NULL))
);

CREATE TABLE variable_overrides (
    variable_id   UUID             NOT NULL,
    rule          INTEGER          NOT NULL,
    name          VARCHAR,
    description   VARCHAR,
    latest_weight DOUBLE PRECISION,
    CONSTRAINT pk_variable_overrides PRIMARY KEY (variable_id, rule),
    CONSTRAINT fk_variable_overrides_variable FOREIGN KEY (variable_id) REFERENCES variables (id) ON DELETE CASCADE,
    CONSTRAINT ck_variable_overrides_rule CHECK (rule >= 1),
    CONSTRAINT ck_variable_overrides_latest_weight CHECK (latest_weight >= 0 AND latest_weight <= 1)
);

-- the label weights of every rule, the default rollout's (rule 0) included
CREATE TABLE variable_rollout_weights (
    variable_id UUID             NOT NULL,
    rule        INTEGER          NOT NULL,
    label       VARCHAR(200)     NOT NULL,
    weight      DOUBLE PRECISION NOT NULL,
    CONSTRAINT pk_variable_rollout_weights PRIMARY KEY (variable_id, rule, label),
    CONSTRAINT fk_variable_rollout_weights_variable FOREIGN KEY (variable_id) REFERENCES variables (id)
        ON DELETE CASCADE,
    CONSTRAINT ck_variable_rollout_weights_rule CHECK (rule >= 0),
    CONSTRAINT ck_variable_rollout_weights_weight CHECK (weight >= 0 AND weight <= 1)
);

-- an override's conditions in order: json_value is set for the (in)equality kinds, pattern for the regex kinds;
-- the set kinds keep their values in variable_condition_values
CREATE TABLE variable_conditions (
    variable_id UUID        NOT NULL,
    rule        INTEGER     NOT NULL,
    position    INTEGER     NOT NULL,
    kind        VARCHAR(32) NOT NULL,
    attribute   VARCHAR     NOT NULL,
    json_value  VARCHAR,
    pattern     VARCHAR,
    CONSTRAINT pk_variable_conditions PRIMARY KEY (variable_id, rule, position),
    CONSTRAINT fk_variable_conditions_override FOREIGN KEY (variable_id, rule)
        REFERENCES variable_overrides (variable_id, rule) ON DELETE CASCADE,
    CONSTRAINT ck_variable_conditions_kind CHECK (kind IN ('value-equals', 'value-does-not-equal', 'value-is-in',
        'value-is-not-in', 'value-matches-regex', 'value-does-not-match-regex', 'key-is-present',
        'key-is-not-present')),
    CONSTRAINT ck_variable_conditions_value
        CHECK ((kind IN ('value-equals', 'value-does-not-equal')) = (json_value IS NOT NULL)),
    CONSTRAINT ck_variable_conditions_pattern
        CHECK ((kind IN ('value-matches-regex', 'value-does-not-match-regex')) = (pattern IS NOT NULL))
);

CREATE TABLE variable_condition_values (
    variable_id UUID    NOT NULL,
    rule        INTEGER NOT NULL,
    condition   INTEGER NOT NULL,
    position    INTEGER NOT NULL,
    json_value  VARCHAR NOT NULL,
    CONSTRAINT pk_variable_condition_values PRIMARY KEY (variable_id, rule, condition, position),
    CONSTRAINT fk_variable_condition_values_condition FOREIGN KEY (variable_id, rule, condition)
        REFERENCES variable_conditions (variable_id, rule, position) ON DELETE CASCADE
);
