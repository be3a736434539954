package io.licenseflow.events.license;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code UsageVerified} v1: the license's usage check passed. Confirms the onboarding step USAGE_VERIFIED.
 * {@code basis} says how: {@code FIRST_USAGE}, the license's first accepted usage ({@code usageId} and {@code meter}
 * name it); or {@code UNMETERED}, the license type meters nothing, so the first activation verifies it and both are null.
 */
public record UsageVerified(UUID licenseId, UUID accountId, UUID onboardingId, Basis basis, UUID usageId, String meter, Instant verifiedAt) {

    public static final String TYPE = "UsageVerified";
    public static final int SCHEMA_VERSION = 1;

    public enum Basis {
        FIRST_USAGE, UNMETERED
    }

    public static UsageVerified firstUsage(UUID licenseId, UUID accountId, UUID onboardingId, UUID usageId, String meter, Instant at) {
        return new UsageVerified(licenseId, accountId, onboardingId, Basis.FIRST_USAGE, usageId, meter, at);
    }

    public static UsageVerified unmetered(UUID licenseId, UUID accountId, UUID onboardingId, Instant at) {
        return new UsageVerified(licenseId, accountId, onboardingId, Basis.UNMETERED, null, null, at);
    }
}
