-- The account's language (AccountCreated.locale): notices are rendered in it.
ALTER TABLE recipient ADD COLUMN locale varchar(10) NOT NULL DEFAULT 'en';

-- What notices show about a license, followed from its events (entitlement-service owns the license).
CREATE TABLE license_snapshot (
    id                   uuid PRIMARY KEY,
    account_id           uuid         NOT NULL,
    license_type         varchar(64)  NOT NULL,
    license_type_version integer      NOT NULL,
    status               varchar(20)  NOT NULL,
    seat_limit           integer      NOT NULL,
    seats_used           integer      NOT NULL DEFAULT 0,
    starts_at            timestamptz  NOT NULL,
    expires_at           timestamptz,
    key_prefix           varchar(40)  NOT NULL,
    updated_at           timestamptz  NOT NULL
);
CREATE INDEX license_snapshot_account ON license_snapshot (account_id);

-- The name customers read for each license type (LicenseTypePublished's displayName, latest version).
CREATE TABLE license_type_name (
    name         varchar(64)  PRIMARY KEY,
    display_name varchar(200) NOT NULL,
    version      integer      NOT NULL
);

-- The delivery log: one row per notice, created in the transaction that consumed its triggering event (a redelivered
-- event finds it and adds nothing), then sent by the dispatcher. trigger_payload is the event's payload as published;
-- for key notices it holds the key only as the encrypted hand-off (a JWE for this service), never in clear.
CREATE TABLE notice (
    id                 uuid PRIMARY KEY,
    account_id         uuid         NOT NULL,
    license_id         uuid,
    template           varchar(60)  NOT NULL,
    template_version   integer      NOT NULL,
    category           varchar(20)  NOT NULL CHECK (category IN ('transactional', 'lifecycle')),
    trigger_event_id   uuid         NOT NULL,
    trigger_event_type varchar(80)  NOT NULL,
    triggered_at       timestamptz  NOT NULL,
    trigger_payload    jsonb        NOT NULL,
    resend_of          uuid REFERENCES notice (id),
    requested_by       varchar(255),
    recipient_override varchar(320),
    recipient          varchar(320),
    locale             varchar(10),
    status             varchar(20)  NOT NULL CHECK (status IN ('queued', 'sent', 'failed', 'suppressed')),
    attempts           integer      NOT NULL DEFAULT 0,
    next_attempt_at    timestamptz  NOT NULL,
    retry_until        timestamptz  NOT NULL,
    last_error         varchar(500),
    smtp_reply_code    integer,
    optout_decision    varchar(20) CHECK (optout_decision IN ('not-applicable', 'allowed', 'suppressed')),
    optout_subject     varchar(400),
    optout_version     bigint,
    message_id         varchar(255),
    created_at         timestamptz  NOT NULL,
    sent_at            timestamptz,
    closed_at          timestamptz
);
-- Exactly one notice of each template per triggering event (resends are extra rows pointing at their original).
CREATE UNIQUE INDEX notice_once_per_event ON notice (trigger_event_id, template) WHERE resend_of IS NULL;
CREATE INDEX notice_due ON notice (next_attempt_at) WHERE status = 'queued';
CREATE INDEX notice_account ON notice (account_id, created_at DESC);
