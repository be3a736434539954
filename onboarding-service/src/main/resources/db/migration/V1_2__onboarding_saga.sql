-- The license types on offer, as entitlement-service publishes them (LicenseTypePublished): what POST /v1/accounts
-- checks a requested type and seat count against.
CREATE TABLE offered_license_type (
    name            varchar(64)  PRIMARY KEY,
    license_type_id uuid         NOT NULL,
    version         integer      NOT NULL,
    display_name    varchar(120) NOT NULL,
    seat_limit      integer      NOT NULL,
    seat_max_limit  integer,
    updated_at      timestamptz  NOT NULL
);

-- The account's step now lives with its onboarding.
ALTER TABLE account DROP COLUMN onboarding_step;
ALTER TABLE account ADD COLUMN locale varchar(16) NOT NULL DEFAULT 'en';
ALTER TABLE account ADD COLUMN onboarding_id uuid;

CREATE TABLE onboarding (
    id             uuid PRIMARY KEY,
    account_id     uuid         NOT NULL UNIQUE REFERENCES account (id),
    license_type   varchar(64)  NOT NULL,
    seats          integer,
    step           varchar(32)  NOT NULL,
    status         varchar(16)  NOT NULL,
    waiting_since  timestamptz  NOT NULL,
    attempt        integer      NOT NULL,
    license_id     uuid,
    failed_step    varchar(32),
    failure_reason varchar(64),
    failure_detail varchar(500),
    failed_at      timestamptz,
    stalled_at     timestamptz,
    created_at     timestamptz  NOT NULL,
    updated_at     timestamptz  NOT NULL,
    version        bigint       NOT NULL DEFAULT 0
);
CREATE INDEX onboarding_waiting_idx ON onboarding (status, step, waiting_since);
CREATE INDEX onboarding_created_idx ON onboarding (created_at, id);

-- One row per confirmed step, with the event that confirmed it.
CREATE TABLE onboarding_step_confirmation (
    id            uuid PRIMARY KEY,
    onboarding_id uuid        NOT NULL REFERENCES onboarding (id),
    step          varchar(32) NOT NULL,
    confirmed_at  timestamptz NOT NULL,
    event_id      uuid        NOT NULL,
    event_type    varchar(64) NOT NULL,
    UNIQUE (onboarding_id, step)
);
