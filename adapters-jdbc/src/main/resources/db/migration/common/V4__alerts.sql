-- Alerts of a project: a read-only SQL query evaluated every frequency over the last time_window, notifying the
-- channels assigned to it. Durations are whole seconds. The last-run columns stay null until the alert is first
-- evaluated and are then set together (result and result_length may stay null after a failed run).
-- created_by and updated_by are history, not ownership: like the credentials' stamps they carry no foreign key.
-- A project's alerts go with it; a channel's deletion removes only its assignments.

-- the target of the assignments' composite key, so that an alert's channels lie in the alert's organization
ALTER TABLE channels ADD CONSTRAINT uq_channels_id_organization UNIQUE (id, organization_id);

CREATE TABLE alerts (
    id                  UUID                     NOT NULL,
    organization_id     UUID                     NOT NULL,
    project_id          UUID                     NOT NULL,
    name                VARCHAR(255)             NOT NULL,
    description         VARCHAR,
    query               VARCHAR                  NOT NULL,
    time_window_seconds BIGINT                   NOT NULL,
    frequency_seconds   BIGINT                   NOT NULL,
    watermark_seconds   BIGINT                   NOT NULL,
    notify_when         VARCHAR(32)              NOT NULL,
    active              BOOLEAN                  NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by          UUID,
    updated_at          TIMESTAMP WITH TIME ZONE,
    updated_by          UUID,
    last_run            TIMESTAMP WITH TIME ZONE,
    has_matches         BOOLEAN,
    has_errors          BOOLEAN,
    result              VARCHAR,
    result_length       INTEGER,
    CONSTRAINT pk_alerts PRIMARY KEY (id),
    CONSTRAINT fk_alerts_project FOREIGN KEY (project_id, organization_id)
        REFERENCES projects (id, organization_id) ON DELETE CASCADE,
    CONSTRAINT uq_alerts_project_name UNIQUE (project_id, name),
    -- the target of the assignments' composite key
    CONSTRAINT uq_alerts_id_organization UNIQUE (id, organization_id),
    CONSTRAINT ck_alerts_time_window CHECK (time_window_seconds BETWEEN 60 AND 2592000),
    CONSTRAINT ck_alerts_frequency CHECK (frequency_seconds BETWEEN 60 AND 86400),
    CONSTRAINT ck_alerts_watermark CHECK (watermark_seconds BETWEEN 0 AND 2592000),
    CONSTRAINT ck_alerts_notify_when
        CHECK (notify_when IN ('has_matches', 'has_matches_changed', 'matches_changed', 'starts_having_matches')),
    CONSTRAINT ck_alerts_last_run CHECK (
        (last_run IS NULL AND has_matches IS NULL AND has_errors IS NULL AND result IS NULL
            AND result_length IS NULL)
        OR (last_run IS NOT NULL AND has_matches IS NOT NULL AND has_errors IS NOT NULL)),
    CONSTRAINT ck_alerts_result_length CHECK (result_length >= 0)
);

CREATE INDEX ix_alerts_project_created ON alerts (project_id, created_at, id);

-- The channels each alert notifies, in the alert's order; deleting the alert or the channel deletes the row.
CREATE TABLE alert_channels (
    alert_id        UUID    NOT NULL,
    channel_id      UUID    NOT NULL,
    organization_id UUID    NOT NULL,
    position        INTEGER NOT NULL,
    schedule_id     UUID,
    CONSTRAINT pk_alert_channels PRIMARY KEY (alert_id, channel_id),
    CONSTRAINT uq_alert_channels_position UNIQUE (alert_id, position),
    CONSTRAINT fk_alert_channels_alert FOREIGN KEY (alert_id, organization_id)
        REFERENCES alerts (id, organization_id) ON DELETE CASCADE,
    CONSTRAINT fk_alert_channels_channel FOREIGN KEY (channel_id, organization_id)
        REFERENCES channels (id, organization_id) ON DELETE CASCADE
);

-- a channel's deletion finds its assignments here
CREATE INDEX ix_alert_channels_channel ON alert_channels (channel_id);
