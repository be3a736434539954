-- Webhook endpoints and their deliveries (docs/optout.md#webhooks). Each confirmed change becomes one delivery per
-- matching endpoint; a dispatcher sends them in order per subject, retrying with back-off until retry_until.

CREATE TABLE webhook_endpoint (
    id                     uuid          PRIMARY KEY,
    account_id             uuid          REFERENCES optout_account (id),  -- null: every account's changes (vendor-wide)
    purpose                varchar(64),                                    -- null: every purpose
    url                    varchar(2048) NOT NULL,
    description            varchar(500),
    secret_sealed          text          NOT NULL,
    previous_secret_sealed text,                                           -- still signs, beside the new one, until
    previous_secret_until  timestamptz,                                    -- this time after a rotation
    enabled                boolean       NOT NULL,
    disabled_reason        varchar(500),
    created_at             timestamptz   NOT NULL,
    created_by             varchar(255)  NOT NULL,
    updated_at             timestamptz   NOT NULL
);
CREATE INDEX webhook_endpoint_account ON webhook_endpoint (account_id);

CREATE TABLE webhook_delivery (
    id              uuid          PRIMARY KEY,       -- 'msg_' and its hex digits are the webhook-id header
    endpoint_id     uuid          NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    event_id        uuid          NOT NULL,
    subject_key     varchar(320)  NOT NULL,          -- <account>:<kind>:<subject>: deliveries of one subject go in order
    subject_version bigint        NOT NULL,
    occurred_at     timestamptz   NOT NULL,
    body            text          NOT NULL,
    status          varchar(16)   NOT NULL,          -- pending, delivered, dead
    attempts        integer       NOT NULL,
    next_attempt_at timestamptz   NOT NULL,
    retry_until     timestamptz   NOT NULL,
    last_attempt_at timestamptz,
    last_status     integer,
    last_error      varchar(500),
    created_at      timestamptz   NOT NULL,
    delivered_at    timestamptz,
    UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_delivery_subject ON webhook_delivery (endpoint_id, subject_key, subject_version) WHERE status = 'pending';
CREATE INDEX webhook_delivery_endpoint ON webhook_delivery (endpoint_id, created_at, id);

GRANT SELECT, INSERT, UPDATE, DELETE ON webhook_endpoint, webhook_delivery TO ${app_role};
