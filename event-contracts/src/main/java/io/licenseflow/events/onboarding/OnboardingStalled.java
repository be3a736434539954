package io.licenseflow.events.onboarding;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code OnboardingStalled} v1: the onboarding has waited for {@code waitingFor} since {@code waitingSince},
 * longer than its configured limit. It continues normally if the step's event arrives later.
 */
public record OnboardingStalled(UUID onboardingId, UUID accountId, OnboardingStep waitingFor, Instant waitingSince, Instant at) {

    public static final String TYPE = "OnboardingStalled";
    public static final int SCHEMA_VERSION = 1;
}
