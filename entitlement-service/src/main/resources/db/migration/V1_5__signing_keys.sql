-- Ed25519 keys that sign license tokens and validation answers. A key is published (JWKS) from its creation, signs
-- from signs_from (later than its creation, so that every replica and verifier can know it first), verifies until
-- retired. The private key is stored only sealed (JWE dir/A256GCM under licenseflow.signing.key-encryption-secret).
CREATE TABLE signing_key (
    kid             varchar(64)  PRIMARY KEY,
    public_key      varchar(64)  NOT NULL,
    private_sealed  text         NOT NULL,
    created_at      timestamptz  NOT NULL,
    created_by      varchar(255) NOT NULL,
    signs_from      timestamptz  NOT NULL,
    retired_at      timestamptz,
    retired_by      varchar(255)
);
CREATE INDEX signing_key_published_idx ON signing_key (signs_from) WHERE retired_at IS NULL;
