-- Seats: the model and heartbeat TTL of the type version a license was issued under.
ALTER TABLE license ADD COLUMN seat_model varchar(16) NOT NULL DEFAULT 'NODE_LOCKED';
ALTER TABLE license ADD COLUMN heartbeat_ttl varchar(32);

-- A machine holding a seat. A fingerprint holds at most one active activation per license.
CREATE TABLE activation (
    id                  uuid PRIMARY KEY,
    license_id          uuid          NOT NULL REFERENCES license (id),
    account_id          uuid          NOT NULL,
    fingerprint         varchar(255)  NOT NULL,
    name                varchar(200),
    platform            varchar(100),
    metadata            jsonb         NOT NULL,
    status              varchar(16)   NOT NULL,
    activated_at        timestamptz   NOT NULL,
    last_heartbeat_at   timestamptz   NOT NULL,
    heartbeat_deadline  timestamptz,
    deactivated_at      timestamptz,
    deactivation_reason varchar(32),
    created_at          timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL
);
CREATE UNIQUE INDEX activation_one_per_fingerprint ON activation (license_id, fingerprint) WHERE status = 'ACTIVE';
CREATE INDEX activation_license_idx ON activation (license_id, created_at, id);
CREATE INDEX activation_heartbeat_deadline_idx ON activation (heartbeat_deadline) WHERE status = 'ACTIVE';

-- Usage so far per meter and period; updated with a condition, so that concurrent reports cannot pass the cap.
CREATE TABLE usage_counter (
    license_id   uuid        NOT NULL REFERENCES license (id),
    meter        varchar(64) NOT NULL,
    period_start timestamptz NOT NULL,
    used         bigint      NOT NULL,
    PRIMARY KEY (license_id, meter, period_start)
);

-- Each accepted usage report; the Idempotency-Key makes a retried report return the first answer.
CREATE TABLE usage_record (
    id              uuid PRIMARY KEY,
    license_id      uuid          NOT NULL REFERENCES license (id),
    activation_id   uuid          NOT NULL REFERENCES activation (id),
    meter           varchar(64)   NOT NULL,
    quantity        bigint        NOT NULL,
    idempotency_key varchar(255)  NOT NULL,
    request_hash    char(64)      NOT NULL,
    period_start    timestamptz   NOT NULL,
    period_end      timestamptz,
    used            bigint        NOT NULL,
    quota           bigint        NOT NULL,
    overage         boolean       NOT NULL,
    recorded_at     timestamptz   NOT NULL,
    created_at      timestamptz   NOT NULL,
    UNIQUE (license_id, idempotency_key)
);
CREATE INDEX usage_record_license_idx ON usage_record (license_id, created_at, id);
