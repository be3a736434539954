CREATE TABLE license_type (
    id              uuid PRIMARY KEY,
    name            varchar(64) NOT NULL UNIQUE,
    current_version integer     NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

CREATE TABLE license_type_version (
    id              uuid PRIMARY KEY,
    license_type_id uuid         NOT NULL REFERENCES license_type (id),
    name            varchar(64)  NOT NULL,
    version         integer      NOT NULL,
    definition      jsonb        NOT NULL,
    published_at    timestamptz  NOT NULL,
    published_by    varchar(255) NOT NULL,
    created_at      timestamptz  NOT NULL,
    UNIQUE (license_type_id, version),
    UNIQUE (name, version)
);
CREATE INDEX license_type_created_idx ON license_type (created_at, id);
CREATE INDEX license_type_version_created_idx ON license_type_version (license_type_id, created_at, id);
