package io.licenseflow.events.license;

import java.time.Instant;
import java.util.UUID;

/** Payload of {@code UsageVerified} v1: the license's first accepted usage. Confirms the onboarding step USAGE_VERIFIED. */
public record UsageVerified(UUID licenseId, UUID accountId, UUID onboardingId, UUID usageId, String meter, Instant verifiedAt) {

    public static final String TYPE = "UsageVerified";
    public static final int SCHEMA_VERSION = 1;
}
