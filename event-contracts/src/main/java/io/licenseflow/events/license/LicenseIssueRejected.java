package io.licenseflow.events.license;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code LicenseIssueRejected} v1: entitlement-service could not issue the license an onboarding asked for,
 * for the stable {@code reason} UNKNOWN_LICENSE_TYPE or SEATS_NOT_ALLOWED. No license exists, so the record key is
 * the onboarding id.
 */
public record LicenseIssueRejected(UUID onboardingId, UUID accountId, int attempt, String reason, String detail, Instant rejectedAt) {

    public static final String TYPE = "LicenseIssueRejected";
    public static final int SCHEMA_VERSION = 1;

    public static final String UNKNOWN_LICENSE_TYPE = "UNKNOWN_LICENSE_TYPE";
    public static final String SEATS_NOT_ALLOWED = "SEATS_NOT_ALLOWED";
}
