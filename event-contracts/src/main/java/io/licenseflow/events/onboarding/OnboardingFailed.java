package io.licenseflow.events.onboarding;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code OnboardingFailed} v1: {@code step} could not be completed for the stable {@code reason} (e.g.
 * UNKNOWN_LICENSE_TYPE, SEATS_NOT_ALLOWED); {@code POST /v1/onboardings/{id}/retry} resumes it.
 */
public record OnboardingFailed(UUID onboardingId, UUID accountId, OnboardingStep step, String reason, String detail, int attempt,
        Instant at) {

    public static final String TYPE = "OnboardingFailed";
    public static final int SCHEMA_VERSION = 1;
}
