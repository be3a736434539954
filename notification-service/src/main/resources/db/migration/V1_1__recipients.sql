-- Where an account's notices go: its contact address, as announced by AccountCreated.
CREATE TABLE recipient (
    id              uuid PRIMARY KEY,
    name            varchar(200) NOT NULL,
    email           varchar(320) NOT NULL,
    source_event_id uuid         NOT NULL,
    recorded_at     timestamptz  NOT NULL
);
