package io.licenseflow.events.license;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code LicenseIssued} v1: a license and its key were issued under {@code licenseType} version
 * {@code licenseTypeVersion}. The key itself is never in an event: {@code keyPrefix} is its first, non-secret group;
 * the key travels encrypted to notification-service only (LicenseKeyIssued). {@code expiresAt} is null for perpetual
 * licenses. Confirms the onboarding step KEY_ASSIGNED.
 */
public record LicenseIssued(UUID licenseId, UUID accountId, UUID onboardingId, String licenseType, int licenseTypeVersion,
        LicenseStatus status, int seatLimit, Instant startsAt, Instant expiresAt, String keyPrefix, Instant issuedAt) {

    public static final String TYPE = "LicenseIssued";
    public static final int SCHEMA_VERSION = 1;
}
