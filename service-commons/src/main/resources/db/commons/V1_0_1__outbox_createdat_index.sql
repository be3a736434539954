-- OutboxRetention deletes by age.
CREATE INDEX outbox_createdat_idx ON outbox (createdat);
