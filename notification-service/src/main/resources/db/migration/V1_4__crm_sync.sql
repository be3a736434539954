-- CRM synchronisation: one row per account and connector. A change of the account marks it pending (version + 1); the
-- dispatcher pushes the account's whole current record, so the CRM converges on the latest state and one account's
-- pushes never overtake each other (one row, claimed by one replica at a time).
CREATE TABLE crm_sync (
    account_id       uuid         NOT NULL,
    connector        varchar(40)  NOT NULL,
    status           varchar(20)  NOT NULL CHECK (status IN ('pending', 'synced', 'dead')),
    version          bigint       NOT NULL,
    synced_version   bigint,
    pending_since    timestamptz,
    next_attempt_at  timestamptz  NOT NULL,
    retry_until      timestamptz  NOT NULL,
    attempts         integer      NOT NULL DEFAULT 0,
    last_error       varchar(500),
    last_http_status integer,
    synced_at        timestamptz,
    PRIMARY KEY (account_id, connector)
);
CREATE INDEX crm_sync_due ON crm_sync (next_attempt_at) WHERE status = 'pending';
