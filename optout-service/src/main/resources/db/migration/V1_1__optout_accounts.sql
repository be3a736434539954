-- Accounts whose data subjects can record opt-outs; Global Privacy Control is honoured by default.
CREATE TABLE optout_account (
    id              uuid PRIMARY KEY,
    name            varchar(200) NOT NULL,
    honours_gpc     boolean      NOT NULL DEFAULT true,
    source_event_id uuid         NOT NULL,
    recorded_at     timestamptz  NOT NULL
);
