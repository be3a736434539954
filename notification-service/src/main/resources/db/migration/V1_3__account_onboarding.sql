-- Where each account's onboarding stands, followed from onboarding-service's events: support staff read it, and the
-- CRM receives it.
CREATE TABLE account_onboarding (
    account_id    uuid PRIMARY KEY,
    onboarding_id uuid         NOT NULL,
    status        varchar(20)  NOT NULL CHECK (status IN ('in-progress', 'completed', 'failed', 'stalled')),
    step          varchar(30)  NOT NULL,
    reason        varchar(500),
    updated_at    timestamptz  NOT NULL
);
CREATE INDEX recipient_email ON recipient (lower(email));
CREATE INDEX license_snapshot_key_prefix ON license_snapshot (key_prefix);
