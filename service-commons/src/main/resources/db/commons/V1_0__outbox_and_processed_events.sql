-- Shared by every service (classpath location db/commons). Debezium reads inserts into outbox;
-- processed_event is the idempotency record of consumed events.
CREATE TABLE outbox (
    id            uuid PRIMARY KEY,
    aggregatetype varchar(64)  NOT NULL,
    aggregateid   varchar(128) NOT NULL,
    type          varchar(128) NOT NULL,
    schemaversion integer      NOT NULL,
    source        varchar(128) NOT NULL,
    specversion   varchar(8)   NOT NULL,
    occurredat    varchar(40)  NOT NULL,
    payload       jsonb        NOT NULL,
    createdat     timestamptz  NOT NULL
);

CREATE TABLE processed_event (
    consumer     varchar(128) NOT NULL,
    event_id     uuid         NOT NULL,
    event_type   varchar(128) NOT NULL,
    processed_at timestamptz  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
