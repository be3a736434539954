CREATE TABLE account (
    id              uuid PRIMARY KEY,
    name            varchar(200) NOT NULL,
    contact_email   varchar(320) NOT NULL,
    onboarding_step varchar(32)  NOT NULL,
    created_by      varchar(255) NOT NULL,
    created_at      timestamptz  NOT NULL,
    version         bigint       NOT NULL DEFAULT 0
);
