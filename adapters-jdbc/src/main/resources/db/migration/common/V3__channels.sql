-- Notification channels of an organization. A channel's config has one column per field; only the columns of its
-- config_type are set (the checks below say which). The one secret field of a config (a webhook's url, Opsgenie's
-- auth_key, PagerDuty's routing_key) is kept in secret, which holds the core's ciphertext and never plaintext.
-- created_by and updated_by are history, not ownership: like the credentials' stamps they carry no foreign key.

CREATE TABLE channels (
    id              UUID                     NOT NULL,
    organization_id UUID                     NOT NULL,
    label           VARCHAR                  NOT NULL,
    active          BOOLEAN                  NOT NULL,
    config_type     VARCHAR(16)              NOT NULL,
    secret          VARCHAR,
    webhook_format  VARCHAR(16),
    base_url        VARCHAR,
    region          VARCHAR(2),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      UUID,
    updated_at      TIMESTAMP WITH TIME ZONE,
    updated_by      UUID,
    CONSTRAINT pk_channels PRIMARY KEY (id),
    CONSTRAINT fk_channels_organization FOREIGN KEY (organization_id) REFERENCES organizations (id),
    CONSTRAINT ck_channels_config_type
        CHECK (config_type IN ('webhook', 'opsgenie', 'notification', 'email', 'pagerduty')),
    CONSTRAINT ck_channels_secret CHECK ((secret IS NOT NULL) = (config_type IN ('webhook', 'opsgenie', 'pagerduty'))),
    CONSTRAINT ck_channels_webhook_format CHECK ((config_type = 'webhook') = (webhook_format IS NOT NULL)
        AND (webhook_format IS NULL OR webhook_format IN ('auto', 'slack-blockkit', 'slack-legacy', 'raw-data'))),
    CONSTRAINT ck_channels_base_url CHECK (config_type = 'opsgenie' OR base_url IS NULL),
    CONSTRAINT ck_channels_region CHECK ((config_type = 'pagerduty') = (region IS NOT NULL)
        AND (region IS NULL OR region IN ('us', 'eu')))
);

CREATE INDEX ix_channels_organization ON channels (organization_id, created_at);

-- The recipients of notification (member ids) and email (addresses) channels, in their order.
CREATE TABLE channel_recipients (
    channel_id UUID    NOT NULL,
    position   INTEGER NOT NULL,
    recipient  VARCHAR NOT NULL,
    CONSTRAINT pk_channel_recipients PRIMARY KEY (channel_id, position),
    CONSTRAINT fk_channel_recipients_channel FOREIGN KEY (channel_id) REFERENCES channels (id) ON DELETE CASCADE
);
