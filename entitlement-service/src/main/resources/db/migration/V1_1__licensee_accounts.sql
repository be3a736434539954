-- The accounts licenses will be issued to, as announced by onboarding-service's AccountCreated.
CREATE TABLE licensee_account (
    id              uuid PRIMARY KEY,
    name            varchar(200) NOT NULL,
    onboarded_at    timestamptz  NOT NULL,
    source_event_id uuid         NOT NULL,
    recorded_at     timestamptz  NOT NULL
);
