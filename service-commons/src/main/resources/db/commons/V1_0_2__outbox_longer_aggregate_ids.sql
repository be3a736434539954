-- Opt-out subjects are keyed <account id>:<kind>:<subject id> (up to 255 characters of id).
ALTER TABLE outbox ALTER COLUMN aggregateid TYPE varchar(320);
