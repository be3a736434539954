-- Opt-outs per subject and purpose, and the append-only compliance log of every change.
-- The service runs as ${app_role}: it may read and write its tables but only read and append to compliance_log
-- (see docs/optout.md#the-compliance-log). Migrations run as the schema owner.

ALTER TABLE optout_account ADD COLUMN jurisdiction varchar(8) NOT NULL DEFAULT '${default_jurisdiction}';

-- Purposes an account adds to the built-in ones (telemetry, usage-analytics, ...).
CREATE TABLE account_purpose (
    account_id         uuid         NOT NULL REFERENCES optout_account (id),
    name               varchar(64)  NOT NULL,
    description        varchar(500) NOT NULL,
    opted_out_by_default boolean    NOT NULL,
    created_at         timestamptz  NOT NULL,
    created_by         varchar(255) NOT NULL,
    PRIMARY KEY (account_id, name)
);

-- A subject's version grows with every change of its choices; its row is the lock that orders them.
CREATE TABLE optout_subject (
    account_id   uuid         NOT NULL,
    kind         varchar(16)  NOT NULL,
    subject_id   varchar(255) NOT NULL,
    version      bigint       NOT NULL,
    jurisdiction varchar(8)   NOT NULL,
    created_at   timestamptz  NOT NULL,
    updated_at   timestamptz  NOT NULL,
    PRIMARY KEY (account_id, kind, subject_id)
);

-- The current choice per subject and purpose (an explicit choice, or a GPC signal for sale-or-sharing).
CREATE TABLE optout_choice (
    account_id   uuid         NOT NULL,
    kind         varchar(16)  NOT NULL,
    subject_id   varchar(255) NOT NULL,
    purpose      varchar(64)  NOT NULL,
    opted_out    boolean      NOT NULL,
    source       varchar(16)  NOT NULL,
    jurisdiction varchar(8)   NOT NULL,
    effective_at timestamptz  NOT NULL,
    version      bigint       NOT NULL,
    PRIMARY KEY (account_id, kind, subject_id, purpose),
    FOREIGN KEY (account_id, kind, subject_id) REFERENCES optout_subject (account_id, kind, subject_id)
);

-- Answers of bulk writes by Idempotency-Key, per caller, so that a retry answers as the first request did.
CREATE TABLE optout_request (
    caller          varchar(255) NOT NULL,
    idempotency_key varchar(255) NOT NULL,
    request_hash    varchar(64)  NOT NULL,
    answer          text         NOT NULL,
    created_at      timestamptz  NOT NULL,
    PRIMARY KEY (caller, idempotency_key)
);

-- Every change, hash-chained: hash = SHA-256(previous hash | the entry's canonical text). Written under an advisory
-- lock, so sequence order is chain order.
CREATE TABLE compliance_log (
    seq             bigint       PRIMARY KEY,
    recorded_at     timestamptz  NOT NULL,
    action          varchar(32)  NOT NULL,
    account_id      uuid         NOT NULL,
    kind            varchar(16),
    subject_id      varchar(255),
    purpose         varchar(64),
    opted_out       boolean,
    previous        varchar(64),
    source          varchar(16),
    jurisdiction    varchar(8),
    subject_version bigint,
    actor           varchar(255) NOT NULL,
    client          varchar(255),
    request_id      varchar(128),
    detail          varchar(1000),
    prev_hash       varchar(64)  NOT NULL,
    hash            varchar(64)  NOT NULL
);
CREATE SEQUENCE compliance_log_seq;
CREATE INDEX compliance_log_subject_idx ON compliance_log (account_id, kind, subject_id, seq);

-- Nothing may change or remove an entry, whoever asks (a superuser can still disable the trigger: the hash chain is
-- what detects that).
CREATE FUNCTION compliance_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'compliance_log is append-only';
END $$;
CREATE TRIGGER compliance_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON compliance_log
    FOR EACH STATEMENT EXECUTE FUNCTION compliance_log_is_append_only();

GRANT SELECT, INSERT, UPDATE, DELETE ON optout_account, account_purpose, optout_subject, optout_choice, optout_request,
    outbox, processed_event TO ${app_role};
GRANT SELECT, INSERT ON compliance_log TO ${app_role};
GRANT USAGE ON SEQUENCE compliance_log_seq TO ${app_role};
