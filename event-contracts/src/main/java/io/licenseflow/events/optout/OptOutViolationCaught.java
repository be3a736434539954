package io.licenseflow.events.optout;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code OptOutViolationCaught} v1 (entitlement-service, on the license topic): a usage report tagged
 * with a purpose its subject (or account) opted out of was caught, and {@code action} says what was done with it:
 * REFUSED or ANONYMISED (see docs/optout.md#enforcement). {@code optOutVersion} is the subject's state version
 * the decision saw.
 */
public record OptOutViolationCaught(UUID licenseId, UUID accountId, OptOutSubject subject, String purpose,
        String action, String meter, long optOutVersion, String client, Instant caughtAt) {

    public static final String TYPE = "OptOutViolationCaught";
    public static final int SCHEMA_VERSION = 1;

    public static final String REFUSED = "REFUSED";
    public static final String ANONYMISED = "ANONYMISED";
}
