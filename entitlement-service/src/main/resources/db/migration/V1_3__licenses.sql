-- One row per issued license. The key is stored only as its keyed hash; key_sealed is the encrypted copy kept for the
-- one-time reveal (erased by it). The term columns copy the license type version the license was issued under.
CREATE TABLE license (
    id                     uuid PRIMARY KEY,
    account_id             uuid         NOT NULL,
    onboarding_id          uuid         UNIQUE,
    license_type_id        uuid         NOT NULL REFERENCES license_type (id),
    license_type_name      varchar(64)  NOT NULL,
    license_type_version   integer      NOT NULL,
    duration_kind          varchar(16)  NOT NULL,
    term_period            varchar(32),
    grace_period           varchar(32)  NOT NULL,
    expiration_behaviour   varchar(16)  NOT NULL,
    status                 varchar(16)  NOT NULL,
    seat_limit             integer      NOT NULL,
    seats_used             integer      NOT NULL DEFAULT 0,
    starts_at              timestamptz  NOT NULL,
    expires_at             timestamptz,
    cancel_at_period_end   boolean      NOT NULL DEFAULT false,
    expiring_announced_for timestamptz,
    key_hash               char(64)     NOT NULL UNIQUE,
    key_prefix             varchar(8)   NOT NULL,
    key_sealed             text,
    key_revealed_at        timestamptz,
    key_revealed_by        varchar(255),
    first_activated_at     timestamptz,
    first_usage_at         timestamptz,
    status_reason          varchar(500),
    created_at             timestamptz  NOT NULL,
    updated_at             timestamptz  NOT NULL,
    version                bigint       NOT NULL DEFAULT 0,
    CONSTRAINT license_seats_within_limit CHECK (seats_used >= 0 AND seats_used <= seat_limit)
);
CREATE INDEX license_account_idx ON license (account_id, created_at, id);
CREATE INDEX license_created_idx ON license (created_at, id);
CREATE INDEX license_active_expiry_idx ON license (expires_at) WHERE status = 'ACTIVE';
