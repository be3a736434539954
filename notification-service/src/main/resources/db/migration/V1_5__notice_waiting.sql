-- A notice whose recipient or license is not known yet waits for it without being polled: the event that brings it
-- (AccountCreated, LicenseIssued) wakes the notice; one that never comes lets it fail at the end of its window.
ALTER TABLE notice ADD COLUMN waiting_for varchar(20) CHECK (waiting_for IN ('recipient', 'license'));
CREATE INDEX notice_waiting_for_recipient ON notice (account_id) WHERE waiting_for = 'recipient';
CREATE INDEX notice_waiting_for_license ON notice (license_id) WHERE waiting_for = 'license';
