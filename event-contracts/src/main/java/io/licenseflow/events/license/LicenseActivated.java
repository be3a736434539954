package io.licenseflow.events.license;

import java.time.Instant;
import java.util.UUID;

/** Payload of {@code LicenseActivated} v1: the license's first machine activation. Confirms the onboarding step ACTIVATED. */
public record LicenseActivated(UUID licenseId, UUID accountId, UUID onboardingId, UUID activationId, Instant activatedAt) {

    public static final String TYPE = "LicenseActivated";
    public static final int SCHEMA_VERSION = 1;
}
