package io.licenseflow.events.onboarding;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code OnboardingProgressed} v1: onboarding-service persisted {@code step} as confirmed by the event
 * {@code confirmedByEventId} of type {@code confirmedByEventType}. The step COMPLETED closes the onboarding.
 */
public record OnboardingProgressed(UUID onboardingId, UUID accountId, OnboardingStep step, OnboardingStep previousStep,
        UUID licenseId, UUID confirmedByEventId, String confirmedByEventType, Instant at) {

    public static final String TYPE = "OnboardingProgressed";
    public static final int SCHEMA_VERSION = 1;
}
