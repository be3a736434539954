package io.licenseflow.events.crm;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What notification-service synchronises to a CRM per account (schema {@code schemas/crm-account-record.v1.json}): the
 * account and its contact, where its onboarding stands, and its licenses with state, term and seats. Always the whole
 * current state as of {@code asOf}: a receiver keeps the record with the latest {@code asOf} per account.
 */
public record CrmAccountRecord(UUID accountId, String name, String contactEmail, String locale, Onboarding onboarding, List<License> licenses,
        Instant asOf) {

    public static final int SCHEMA_VERSION = 1;

    /** {@code status} in-progress, completed, failed or stalled; {@code step} the last confirmed, failed or awaited step. */
    public record Onboarding(UUID onboardingId, String status, String step, String reason, Instant updatedAt) {
    }

    /** {@code status} ACTIVE, SUSPENDED, REVOKED or EXPIRED; {@code expiresAt} null for a perpetual license. */
    public record License(UUID licenseId, String licenseType, String typeName, String status, Instant startsAt, Instant expiresAt,
            int seatLimit, int seatsUsed, String keyPrefix) {
    }
}
