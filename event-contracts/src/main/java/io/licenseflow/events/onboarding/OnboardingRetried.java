package io.licenseflow.events.onboarding;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code OnboardingRetried} v1: a failed onboarding resumes at {@code step} (today always KEY_ASSIGNED)
 * with attempt number {@code attempt}; entitlement-service tries again to issue the license.
 */
public record OnboardingRetried(UUID onboardingId, UUID accountId, OnboardingStep step, String licenseType, Integer seats,
        int attempt, Instant retriedAt, String retriedBy) {

    public static final String TYPE = "OnboardingRetried";
    public static final int SCHEMA_VERSION = 1;
}
